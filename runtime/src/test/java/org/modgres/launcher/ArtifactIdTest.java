package org.modgres.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactIdTest {

    @Test
    void maps_group_artifact_version_to_the_maven_repository_path() {
        ArtifactId id = ArtifactId.parse("org.modgres:api:0.1.0-SNAPSHOT");

        assertEquals("org/modgres/api/0.1.0-SNAPSHOT/api-0.1.0-SNAPSHOT.jar", id.repositoryPath());
        assertEquals("org.modgres:api:0.1.0-SNAPSHOT", id.toString());
    }

    @Test
    void reads_type_and_classifier_as_the_feature_service_orders_them() {
        ArtifactId id = ArtifactId.parse("org.modgres:modgres-core:osgifeature:json:1.0");

        assertEquals(new ArtifactId("org.modgres", "modgres-core", "1.0", "osgifeature", "json"), id);
        assertEquals("org/modgres/modgres-core/1.0/modgres-core-1.0-json.osgifeature", id.repositoryPath());
        assertEquals("org.modgres:modgres-core:osgifeature:json:1.0", id.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.modgres:api", "a:b:c:d:e:f", "org.modgres::1.0", ":api:1.0", "org.modgres:api:"})
    void rejects_ids_without_three_to_five_non_empty_parts(String id) {
        assertThrows(IllegalArgumentException.class, () -> ArtifactId.parse(id));
    }
}
