package org.modgres.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads OSGi Feature Service descriptors (Compendium R8, chapter 159) from {@code system/features/<name>.json}.
 *
 * <p>It checks what the launcher relies on: {@code feature-resource-version} 1.0, a valid {@code id}, bundle
 * ids (a string, or an object with {@code id} and an optional positive integer {@code start-order}), and
 * configurations whose values {@link ConfigurationValues} accepts. Other members of the format (name,
 * description, variables, extensions...) are allowed and ignored.
 */
final class FeatureReader {

    private final Path featuresDirectory;

    FeatureReader(Path featuresDirectory) {
        this.featuresDirectory = featuresDirectory;
    }

    /** Reads the features with the given names, in that order. */
    List<Feature> readAll(List<String> names) throws LaunchException {
        List<Feature> features = new ArrayList<>();
        for (String name : names) {
            features.add(read(name));
        }
        return features;
    }

    /** Reads {@code <name>.json}. */
    Feature read(String name) throws LaunchException {
        Path file = featuresDirectory.resolve(name + ".json");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LaunchException("feature \"" + name + "\" not found: " + file + " does not exist");
        } catch (IOException e) {
            throw new LaunchException("could not read feature \"" + name + "\" from " + file + ": " + e, e);
        }
        try {
            return parse(name, JsonParser.parse(text));
        } catch (IllegalArgumentException e) {
            throw new LaunchException("invalid feature " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds a feature from parsed JSON.
     *
     * @throws IllegalArgumentException naming the member that is wrong
     */
    static Feature parse(String name, Object json) {
        Map<String, Object> root = object(json, "the feature");
        Object version = root.get("feature-resource-version");
        if (!"1.0".equals(version)) {
            throw new IllegalArgumentException("\"feature-resource-version\" must be \"1.0\", found "
                    + describe(version));
        }
        String id = string(root.get("id"), "\"id\"");
        ArtifactId.parse(id);
        return new Feature(name, id, bundles(root.get("bundles")), configurations(root.get("configurations")));
    }

    private static List<FeatureBundle> bundles(Object json) {
        List<FeatureBundle> bundles = new ArrayList<>();
        if (json == null) {
            return bundles;
        }
        if (!(json instanceof List<?> entries)) {
            throw new IllegalArgumentException("\"bundles\" must be an array");
        }
        for (int i = 0; i < entries.size(); i++) {
            String where = "bundles[" + i + "]";
            try {
                bundles.add(bundle(entries.get(i), where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return bundles;
    }

    private static FeatureBundle bundle(Object entry, String where) {
        if (entry instanceof String id) {
            return new FeatureBundle(ArtifactId.parse(id), OptionalInt.empty());
        }
        Map<String, Object> bundle = object(entry, where);
        ArtifactId artifact = ArtifactId.parse(string(bundle.get("id"), "\"id\""));
        Object startOrder = bundle.get("start-order");
        if (startOrder == null) {
            return new FeatureBundle(artifact, OptionalInt.empty());
        }
        if (!(startOrder instanceof Long level) || level < 1 || level > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("\"start-order\" must be a positive integer, found "
                    + describe(startOrder));
        }
        return new FeatureBundle(artifact, OptionalInt.of(level.intValue()));
    }

    private static Map<String, Map<String, Object>> configurations(Object json) {
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        if (json == null) {
            return configurations;
        }
        for (Map.Entry<String, Object> entry : object(json, "\"configurations\"").entrySet()) {
            String pid = entry.getKey();
            String where = "configurations[\"" + pid + "\"]";
            if (pid.isBlank()) {
                throw new IllegalArgumentException(where + ": empty PID");
            }
            try {
                configurations.put(pid, ConfigurationValues.convert(object(entry.getValue(), "the configuration")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return configurations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json, String what) {
        if (json instanceof Map<?, ?> map) {
            // JsonParser makes every object a Map<String, Object>.
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + " must be a JSON object, found " + describe(json));
    }

    private static String string(Object json, String what) {
        if (json instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new IllegalArgumentException(what + " must be a non-empty string, found " + describe(json));
    }

    private static String describe(Object json) {
        if (json == null) {
            return "nothing";
        }
        if (json instanceof String text) {
            return "\"" + text + "\"";
        }
        if (json instanceof Map<?, ?>) {
            return "an object";
        }
        if (json instanceof List<?>) {
            return "an array";
        }
        return json.toString();
    }
}
