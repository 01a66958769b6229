package org.modgres.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootBundleTest {

    @TempDir
    Path system;

    private static FeatureBundle bundle(String id, int startOrder) {
        OptionalInt level = startOrder == 0 ? OptionalInt.empty() : OptionalInt.of(startOrder);
        return new FeatureBundle(ArtifactId.parse(id), level);
    }

    private Path jar(String id) throws IOException {
        Path file = system.resolve(ArtifactId.parse(id).repositoryPath());
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "jar");
    }

    @Test
    void lists_each_artifact_once_in_feature_order_with_its_start_level() throws Exception {
        Path api = jar("g:api:1");
        Path planner = jar("g:planner:1");
        Feature core = new Feature("core", "g:core:1", List.of(bundle("g:api:1", 3)), Map.of());
        Feature extra = new Feature("extra", "g:extra:1",
                List.of(bundle("g:api:1", 4), bundle("g:planner:1", 0)), Map.of());

        List<BootBundle> plan = BootBundle.plan(List.of(core, extra), system, 5, 5);

        assertEquals(List.of(new BootBundle("core", ArtifactId.parse("g:api:1"), api, 3),
                new BootBundle("extra", ArtifactId.parse("g:planner:1"), planner, 5)), plan);
    }

    @Test
    void names_every_missing_jar_and_unreachable_start_level() throws Exception {
        jar("g:late:1");
        Feature feature = new Feature("core", "g:core:1",
                List.of(bundle("g:absent:1", 1), bundle("g:late:1", 9)), Map.of());

        LaunchException e = assertThrows(LaunchException.class, () -> BootBundle.plan(List.of(feature), system, 5, 5));

        assertEquals("feature core names g:absent:1, but " + system.resolve("g/absent/1/absent-1.jar")
                + " does not exist\n"
                + "feature core gives g:late:1 start-order 9, above the framework's start level 5 "
                + "(org.osgi.framework.startlevel.beginning), so it would never start", e.getMessage());
    }
}
