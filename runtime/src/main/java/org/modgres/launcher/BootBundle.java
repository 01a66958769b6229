package org.modgres.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A bundle to install at boot: where its jar is in {@code system/}, and its start level.
 *
 * @param feature the name of the feature that brought it, for messages
 */
record BootBundle(String feature, ArtifactId artifact, Path file, int startLevel) {

    BootBundle {
        Objects.requireNonNull(feature);
        Objects.requireNonNull(artifact);
        Objects.requireNonNull(file);
    }

    /**
     * Lists the bundles of the features in install order, each once (the first feature naming an artifact
     * decides its start level), and checks that every jar is present and every start level reachable.
     *
     * @param system the Maven-layout repository of the distribution
     * @param defaultStartLevel the start level of a bundle without {@code start-order}
     * @param frameworkStartLevel the level the framework runs at; a bundle above it would never start
     */
    static List<BootBundle> plan(List<Feature> features, Path system, int defaultStartLevel, int frameworkStartLevel)
            throws LaunchException {
        List<BootBundle> plan = new ArrayList<>();
        Set<ArtifactId> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Feature feature : features) {
            for (FeatureBundle bundle : feature.bundles()) {
                if (!seen.add(bundle.artifact())) {
                    continue;
                }
                Path file = system.resolve(bundle.artifact().repositoryPath());
                int level = bundle.startOrder().orElse(defaultStartLevel);
                if (!Files.isRegularFile(file)) {
                    problems.add("feature " + feature.name() + " names " + bundle.artifact() + ", but " + file
                            + " does not exist");
                } else if (level > frameworkStartLevel) {
                    problems.add("feature " + feature.name() + " gives " + bundle.artifact() + " start-order " + level
                            + ", above the framework's start level " + frameworkStartLevel + " ("
                            + FrameworkProperties.BEGINNING_START_LEVEL + "), so it would never start");
                }
                plan.add(new BootBundle(feature.name(), bundle.artifact(), file, level));
            }
        }
        if (!problems.isEmpty()) {
            throw new LaunchException(String.join("\n", problems));
        }
        return plan;
    }
}
