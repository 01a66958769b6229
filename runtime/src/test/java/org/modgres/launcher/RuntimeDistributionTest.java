package org.modgres.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Checks the distribution the build lays out in target/modgres before the jar is packaged: the feature
 * descriptors, the bundles in system/, and the bnd resolver's result for the bndrun.
 */
class RuntimeDistributionTest {

    private static final Distribution DISTRIBUTION =
            new Distribution(Path.of(System.getProperty("modgres.test.distribution")));
    private static final Path RESOLVED_BNDRUN = Path.of(System.getProperty("modgres.test.bndrun"));
    private static final Pattern RUN_BUNDLE = Pattern.compile("([^\\s,;]+);version='[^']*'");

    @Test
    void every_feature_is_valid_and_every_bundle_it_names_is_in_system() throws Exception {
        int startLevel = FrameworkProperties.startLevel(configured());
        List<String> names = featureNames();
        assertFalse(names.isEmpty(), "no feature in " + DISTRIBUTION.features());

        for (Feature feature : new FeatureReader(DISTRIBUTION.features()).readAll(names)) {
            String idPattern = "org\\.modgres:modgres-" + Pattern.quote(feature.name()) + ":osgifeature:.+";
            assertTrue(feature.id().matches(idPattern), feature.id());
            assertFalse(feature.id().contains("${"), "unfiltered id " + feature.id());
            BootBundle.plan(List.of(feature), DISTRIBUTION.system(), startLevel, startLevel);
        }
    }

    @Test
    void the_boot_features_exist() throws Exception {
        assertTrue(featureNames().containsAll(FrameworkProperties.bootFeatures(configured())));
    }

    @Test
    void system_holds_only_bundles_that_a_feature_names() throws Exception {
        Set<Path> named = new TreeSet<>();
        for (Feature feature : new FeatureReader(DISTRIBUTION.features()).readAll(featureNames())) {
            for (FeatureBundle bundle : feature.bundles()) {
                named.add(DISTRIBUTION.system().resolve(bundle.artifact().repositoryPath()));
            }
        }

        assertEquals(named, jarsIn(DISTRIBUTION.system()),
                "the jars in system/ (the runtime module's dependencies) and the bundles of the features differ");
    }

    @Test
    void the_boot_features_hold_exactly_the_bundles_the_bnd_resolver_chose() throws Exception {
        Set<String> bootSymbolicNames = new TreeSet<>();
        List<Feature> boot = new FeatureReader(DISTRIBUTION.features())
                .readAll(FrameworkProperties.bootFeatures(configured()));
        for (BootBundle bundle : BootBundle.plan(boot, DISTRIBUTION.system(), 1, Integer.MAX_VALUE)) {
            bootSymbolicNames.add(symbolicName(bundle.file()));
        }

        assertEquals(resolvedRunBundles(), bootSymbolicNames,
                "the boot features and the -runbundles bnd resolved for modgres.bndrun differ: add the missing "
                        + "bundle to a feature, or name the extra one in -runrequires");
    }

    private static Map<String, String> configured() throws LaunchException {
        return FrameworkProperties.load(DISTRIBUTION.etc().resolve("modgres.properties"));
    }

    private static List<String> featureNames() throws IOException {
        try (Stream<Path> files = Files.list(DISTRIBUTION.features())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }

    private static Set<Path> jarsIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".jar")).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String header = file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            assertTrue(header != null, jar + " is not a bundle");
            return header.split(";")[0].trim();
        }
    }

    private static Set<String> resolvedRunBundles() throws IOException {
        Properties bndrun = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOLVED_BNDRUN)) {
            bndrun.load(reader);
        }
        String runBundles = bndrun.getProperty("-runbundles");
        assertTrue(runBundles != null, RESOLVED_BNDRUN + " has no -runbundles: did bnd-resolver-maven-plugin run?");
        Set<String> names = new TreeSet<>();
        Matcher matcher = RUN_BUNDLE.matcher(runBundles);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
