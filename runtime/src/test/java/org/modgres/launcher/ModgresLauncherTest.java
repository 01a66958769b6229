package org.modgres.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Boots Felix in this JVM with the distribution's platform feature and test features, from a temporary
 * installation with copies of the jars it needs from target/modgres/system.
 */
class ModgresLauncherTest {

    private static final Distribution BUILT =
            new Distribution(Path.of(System.getProperty("modgres.test.distribution")));
    private static final long TIMEOUT_SECONDS = 20;

    @TempDir
    Path home;

    private ModgresLauncher launcher;

    @BeforeAll
    static void routeFileInstallLoggingToSlf4j() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @AfterEach
    void stopFramework() throws InterruptedException {
        if (launcher != null && launcher.beginShutdown()) {
            assertTrue(launcher.stop(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
        }
    }

    @Test
    void starts_the_platform_at_level_1_and_other_bundles_at_their_start_order() throws Exception {
        boot("platform");

        for (Bundle bundle : launcher.bundleContext().getBundles()) {
            assertEquals(Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName());
        }
        assertEquals(1, startLevel("org.apache.felix.scr"));
        assertEquals(1, startLevel("org.apache.felix.configadmin"));
        assertEquals(5, startLevel("org.apache.felix.gogo.shell"));
    }

    @Test
    void applies_feature_configurations_unless_an_etc_file_configures_the_pid() throws Exception {
        writeFeature("probe", """
                {"feature-resource-version": "1.0", "id": "org.modgres:modgres-probe:osgifeature:1",
                 "configurations": {
                   "org.modgres.test.probe": {"size:Integer": 7, "names": ["a", "b"]},
                   "org.modgres.test.overridden": {"source": "feature"},
                   "org.modgres.test.factory~one": {"source": "feature"}
                 }}""");
        Files.writeString(home.resolve("etc/org.modgres.test.overridden.cfg"), "source = etc\n");

        boot("platform", "probe");

        try (ConfigAdminClient admin = ConfigAdminClient.await(launcher.bundleContext(), 5_000)) {
            Map<String, Object> probe = admin.properties("org.modgres.test.probe").orElseThrow();
            assertEquals(7, probe.get("size"));
            assertArrayEquals(new String[] {"a", "b"}, (String[]) probe.get("names"));
            assertEquals("etc", admin.properties("org.modgres.test.overridden").orElseThrow().get("source"));
            assertEquals("feature", admin.properties("org.modgres.test.factory~one").orElseThrow().get("source"));
            assertEquals(home.resolve("deploy").toString(),
                    admin.properties("org.apache.felix.fileinstall~deploy").orElseThrow().get("felix.fileinstall.dir"));
        }
    }

    @Test
    void installs_a_bundle_dropped_into_deploy_and_uninstalls_it_when_removed() throws Exception {
        boot("platform");
        Path jar = BUILT.system().resolve(calciteBundle("commons-codec").repositoryPath());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch uninstalled = new CountDownLatch(1);
        BundleListener listener = event -> {
            if ("org.apache.commons.commons-codec".equals(event.getBundle().getSymbolicName())) {
                if (event.getType() == BundleEvent.STARTED) {
                    started.countDown();
                } else if (event.getType() == BundleEvent.UNINSTALLED) {
                    uninstalled.countDown();
                }
            }
        };
        launcher.bundleContext().addBundleListener(listener);

        Path dropped = Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()));
        assertTrue(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "dropped bundle did not start");
        assertEquals(5, startLevel("org.apache.commons.commons-codec"));

        Files.delete(dropped);
        assertTrue(uninstalled.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "removed bundle was not uninstalled");
    }

    @Test
    void refuses_to_start_naming_each_bundle_that_does_not_resolve() throws Exception {
        ArtifactId text = calciteBundle("commons-text");
        writeFeature("broken", """
                {"feature-resource-version": "1.0", "id": "org.modgres:modgres-broken:osgifeature:1",
                 "bundles": [{"id": "%s", "start-order": 2}]}""".formatted(text));

        LaunchException e = assertThrows(LaunchException.class, () -> boot("platform", "broken"));

        String expected = "a bundle did not start:\n  org.apache.commons.text " + text.version() + " (" + text
                + ", feature broken): Unable to resolve org.apache.commons.text";
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(e.getMessage().contains("osgi.wiring.package=org.apache.commons.lang3"), e.getMessage());
    }

    private void boot(String... features) throws Exception {
        writeProperties(features);
        Distribution distribution = new Distribution(home);
        Map<String, String> properties = FrameworkProperties.assemble(distribution,
                FrameworkProperties.load(distribution.etc().resolve("modgres.properties")), new Properties(),
                ServerOptions.parse(List.of(), distribution.defaultDataDirectory()), false,
                FrameworkProperties.loadResource("launcher.properties").get("slf4j.version"));
        launcher = new ModgresLauncher(distribution, properties);
        launcher.start(System.nanoTime());
    }

    /** Lays out etc/, deploy/ and a system/ holding the platform feature and the jars the tests use. */
    @BeforeEach
    void prepareHome() throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Files.createDirectories(home.resolve("deploy"));
        Files.createDirectories(home.resolve("system/features"));
        Files.copy(BUILT.features().resolve("platform.json"), home.resolve("system/features/platform.json"));
        List<ArtifactId> jars = new ArrayList<>(new FeatureReader(BUILT.features()).read("platform").bundles().stream()
                .map(FeatureBundle::artifact).toList());
        jars.add(calciteBundle("commons-text"));
        for (ArtifactId jar : jars) {
            Path copy = home.resolve("system").resolve(jar.repositoryPath());
            Files.createDirectories(copy.getParent());
            Files.copy(BUILT.system().resolve(jar.repositoryPath()), copy);
        }
    }

    private void writeProperties(String... features) throws IOException {
        // No URL handlers: Felix would install them JVM-wide, for every framework these tests start.
        Files.writeString(home.resolve("etc/modgres.properties"), """
                modgres.boot.features = %s
                felix.fileinstall.poll = 100
                felix.service.urlhandlers = false
                """.formatted(String.join(",", features)));
    }

    private void writeFeature(String name, String json) throws IOException {
        Files.writeString(home.resolve("system/features").resolve(name + ".json"), json);
    }

    private static ArtifactId calciteBundle(String artifactId) throws LaunchException {
        return new FeatureReader(BUILT.features()).read("calcite").bundles().stream()
                .map(FeatureBundle::artifact)
                .filter(artifact -> artifact.artifactId().equals(artifactId))
                .findFirst()
                .orElseThrow();
    }

    private int startLevel(String symbolicName) {
        BundleContext context = launcher.bundleContext();
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle.adapt(BundleStartLevel.class).getStartLevel();
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
