package org.modgres.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkPropertiesTest {

    private final Distribution distribution = new Distribution(Path.of("/opt/modgres"));

    private Map<String, String> assemble(Map<String, String> configured, Properties system, boolean interactive,
            String... args) {
        ServerOptions options = ServerOptions.parse(List.of(args), distribution.defaultDataDirectory());
        return FrameworkProperties.assemble(distribution, configured, system, options, interactive, "2.0.20");
    }

    @Test
    void sets_cache_start_level_fileinstall_gogo_and_slf4j_exports_by_default() {
        Map<String, String> properties = assemble(Map.of(), new Properties(), false);

        assertEquals("/opt/modgres", properties.get("modgres.home"));
        assertEquals("/opt/modgres/cache", properties.get("org.osgi.framework.storage"));
        assertEquals("onFirstInit", properties.get("org.osgi.framework.storage.clean"));
        assertEquals("5", properties.get("org.osgi.framework.startlevel.beginning"));
        assertEquals("5", properties.get("felix.fileinstall.start.level"));
        assertEquals("/opt/modgres/etc", properties.get("felix.fileinstall.dir"));
        assertEquals("1000", properties.get("felix.fileinstall.poll"));
        assertEquals("false", properties.get("felix.fileinstall.enableConfigSave"));
        assertEquals("--nointeractive", properties.get("gosh.args"));
        assertEquals("org.slf4j;version=2.0.20,org.slf4j.spi;version=2.0.20,org.slf4j.event;version=2.0.20,"
                + "org.slf4j.helpers;version=2.0.20", properties.get("org.osgi.framework.system.packages.extra"));
        assertEquals("/opt/modgres/data", properties.get("modgres.data_directory"));
    }

    @Test
    void leaves_gogo_interactive_on_a_terminal() {
        assertFalse(assemble(Map.of(), new Properties(), true).containsKey("gosh.args"));
    }

    @Test
    void later_sources_win_file_then_system_properties_then_command_line() {
        Properties system = new Properties();
        system.setProperty("modgres.port", "6000");
        system.setProperty("felix.fileinstall.poll", "250");
        system.setProperty("user.name", "ignored");
        Map<String, String> configured = Map.of("modgres.port", "5000", "org.osgi.framework.startlevel.beginning", "7",
                "modgres.boot.features", "platform");

        Map<String, String> properties = assemble(configured, system, false, "-p", "7000");

        assertEquals("7000", properties.get("modgres.port"));
        assertEquals("250", properties.get("felix.fileinstall.poll"));
        assertEquals("7", properties.get("org.osgi.framework.startlevel.beginning"));
        assertEquals("7", properties.get("felix.fileinstall.start.level"));
        assertEquals("platform", properties.get("modgres.boot.features"));
        assertFalse(properties.containsKey("user.name"));
    }

    @Test
    void reads_the_boot_features_and_the_start_level() throws Exception {
        Map<String, String> properties = Map.of("modgres.boot.features", " platform, core ,,shell ",
                "org.osgi.framework.startlevel.beginning", "6");

        assertEquals(List.of("platform", "core", "shell"), FrameworkProperties.bootFeatures(properties));
        assertEquals(6, FrameworkProperties.startLevel(properties));
    }

    @Test
    void rejects_an_empty_feature_list_and_a_bad_start_level() {
        Map<String, String> noFeatures = Map.of("modgres.boot.features", " , ");
        Map<String, String> levelZero = Map.of("org.osgi.framework.startlevel.beginning", "0");

        assertEquals("modgres.boot.features names no feature; set it in etc/modgres.properties",
                assertThrows(LaunchException.class, () -> FrameworkProperties.bootFeatures(noFeatures)).getMessage());
        assertEquals("org.osgi.framework.startlevel.beginning must be a positive integer, found \"0\"",
                assertThrows(LaunchException.class, () -> FrameworkProperties.startLevel(levelZero)).getMessage());
    }

    @Test
    void loads_a_properties_file_and_treats_a_missing_one_as_empty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("modgres.properties");
        Files.writeString(file, "# comment\nmodgres.boot.features = platform, \\\n  core\n");

        assertEquals(Map.of("modgres.boot.features", "platform, core"), FrameworkProperties.load(file));
        assertEquals(Map.of(), FrameworkProperties.load(dir.resolve("absent.properties")));
    }

    @Test
    void the_launcher_jar_knows_its_slf4j_version() throws Exception {
        assertEquals(org.slf4j.LoggerFactory.class.getPackage().getImplementationVersion(),
                FrameworkProperties.loadResource("launcher.properties").get("slf4j.version"));
    }
}
