package org.modgres.launcher;

import java.util.Objects;

/**
 * A Maven artifact as the OSGi Feature Service names it:
 * {@code groupId:artifactId[:type[:classifier]]:version} (Compendium R8, 159.2.1).
 *
 * @param type the file extension; {@code jar} unless the id says otherwise
 * @param classifier empty when the id has none
 */
record ArtifactId(String groupId, String artifactId, String version, String type, String classifier) {

    ArtifactId {
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(artifactId);
        Objects.requireNonNull(version);
        Objects.requireNonNull(type);
        Objects.requireNonNull(classifier);
    }

    /**
     * Parses an id such as {@code org.modgres:api:0.1.0-SNAPSHOT}.
     *
     * @throws IllegalArgumentException if it has fewer than three or more than five parts, or an empty part
     */
    static ArtifactId parse(String id) {
        String[] parts = id.split(":", -1);
        for (String part : parts) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("invalid artifact id \"" + id + "\": empty part");
            }
        }
        return switch (parts.length) {
            case 3 -> new ArtifactId(parts[0], parts[1], parts[2], "jar", "");
            case 4 -> new ArtifactId(parts[0], parts[1], parts[3], parts[2], "");
            case 5 -> new ArtifactId(parts[0], parts[1], parts[4], parts[2], parts[3]);
            default -> throw new IllegalArgumentException("invalid artifact id \"" + id
                    + "\": expected groupId:artifactId[:type[:classifier]]:version");
        };
    }

    /** Returns the file's path in a Maven repository, with '/' separators. */
    String repositoryPath() {
        String fileName = artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + type;
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName;
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + (type.equals("jar") && classifier.isEmpty() ? "" : ":" + type)
                + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + version;
    }
}
