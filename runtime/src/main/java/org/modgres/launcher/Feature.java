package org.modgres.launcher;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OSGi feature as the launcher uses it: the bundles to install and the configurations to apply.
 *
 * @param name the file name without {@code .json}, as listed in {@code modgres.boot.features}
 * @param id the feature's Maven-style id, for messages
 * @param configurations typed properties by PID; a {@code factoryPid~name} key names a factory configuration
 */
record Feature(String name, String id, List<FeatureBundle> bundles, Map<String, Map<String, Object>> configurations) {

    Feature {
        Objects.requireNonNull(name);
        Objects.requireNonNull(id);
        bundles = List.copyOf(bundles);
        configurations = Map.copyOf(configurations);
    }
}
