package org.modgres.launcher;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A bundle of a feature.
 *
 * @param startOrder the bundle's start level, from the {@code start-order} metadata; empty when the feature
 *     leaves it to the launcher
 */
record FeatureBundle(ArtifactId artifact, OptionalInt startOrder) {

    FeatureBundle {
        Objects.requireNonNull(artifact);
        Objects.requireNonNull(startOrder);
    }
}
