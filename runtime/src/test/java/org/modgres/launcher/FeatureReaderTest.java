package org.modgres.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureReaderTest {

    @TempDir
    Path features;

    @Test
    void reads_bundles_with_start_order_and_typed_configurations() throws Exception {
        write("core", """
                {
                  "feature-resource-version": "1.0",
                  "id": "org.modgres:modgres-core:osgifeature:1.0",
                  "name": "core",
                  "bundles": [
                    {"id": "org.modgres:api:1.0", "start-order": 3},
                    "org.modgres:listener:1.0"
                  ],
                  "configurations": {
                    "org.modgres.listener": {"port:Integer": 5432},
                    "org.modgres.planner~fast": {"rank": 10}
                  }
                }""");

        Feature feature = new FeatureReader(features).read("core");

        assertEquals("core", feature.name());
        assertEquals("org.modgres:modgres-core:osgifeature:1.0", feature.id());
        assertEquals(List.of(
                new FeatureBundle(ArtifactId.parse("org.modgres:api:1.0"), OptionalInt.of(3)),
                new FeatureBundle(ArtifactId.parse("org.modgres:listener:1.0"), OptionalInt.empty())),
                feature.bundles());
        assertEquals(Map.of("org.modgres.listener", Map.of("port", 5432),
                "org.modgres.planner~fast", Map.of("rank", 10L)), feature.configurations());
    }

    @Test
    void reads_several_features_in_the_order_asked() throws Exception {
        write("a", minimal("g:a:1"));
        write("b", minimal("g:b:1"));

        List<Feature> read = new FeatureReader(features).readAll(List.of("b", "a"));

        assertEquals(List.of("b", "a"), read.stream().map(Feature::name).toList());
    }

    @Test
    void names_the_file_and_the_member_that_is_wrong() throws Exception {
        assertInvalid("{\"id\": \"g:a:1\"}", "\"feature-resource-version\" must be \"1.0\", found nothing");
        assertInvalid("{\"feature-resource-version\": \"1.0\", \"id\": \"g:a\"}", "invalid artifact id \"g:a\"");
        assertInvalid(withBundles("[{\"start-order\": 1}]"),
                "bundles[0]: \"id\" must be a non-empty string, found nothing");
        assertInvalid(withBundles("[{\"id\": \"g:b:1\", \"start-order\": 0}]"),
                "bundles[0]: \"start-order\" must be a positive integer, found 0");
        assertInvalid(withBundles("[{\"id\": \"g:b:1\", \"start-order\": \"2\"}]"),
                "bundles[0]: \"start-order\" must be a positive integer, found \"2\"");
        assertInvalid(withBundles("{}"), "\"bundles\" must be an array");
        assertInvalid("{\"feature-resource-version\": \"1.0\", \"id\": \"g:a:1\", \"configurations\": {\"pid\": [1]}}",
                "configurations[\"pid\"]: the configuration must be a JSON object, found an array");
        assertInvalid("{\"feature-resource-version\": \"1.0\",", "line 1, column 36: unexpected end of input");
    }

    @Test
    void reports_a_missing_feature_by_its_file() {
        LaunchException e = assertThrows(LaunchException.class, () -> new FeatureReader(features).read("nope"));

        assertEquals("feature \"nope\" not found: " + features.resolve("nope.json") + " does not exist",
                e.getMessage());
    }

    private void assertInvalid(String json, String expected) throws IOException {
        write("bad", json);
        LaunchException e = assertThrows(LaunchException.class, () -> new FeatureReader(features).read("bad"));
        String prefix = "invalid feature " + features.resolve("bad.json") + ": ";
        assertTrue(e.getMessage().startsWith(prefix + expected), e.getMessage());
    }

    private static String minimal(String id) {
        return "{\"feature-resource-version\": \"1.0\", \"id\": \"" + id + "\"}";
    }

    private static String withBundles(String bundles) {
        return "{\"feature-resource-version\": \"1.0\", \"id\": \"g:a:1\", \"bundles\": " + bundles + "}";
    }

    private void write(String name, String json) throws IOException {
        Files.writeString(features.resolve(name + ".json"), json);
    }
}
