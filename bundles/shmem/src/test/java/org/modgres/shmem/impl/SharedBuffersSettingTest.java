package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** shared_buffers parses and prints as PostgreSQL's does. */
class SharedBuffersSettingTest {

    @Test
    void units_follow_postgres_and_a_bare_number_counts_blocks() {
        assertEquals(16L << 20, StorageSettings.parseSharedBuffers("16MB"));
        assertEquals(128L << 20, StorageSettings.parseSharedBuffers("16384"));
        assertEquals(1L << 30, StorageSettings.parseSharedBuffers("1GB"));
        assertEquals(256L << 10, StorageSettings.parseSharedBuffers("256kB"));
        assertEquals("128MB", StorageSettings.formatSharedBuffers(Heaps.DEFAULT_SHARED_BUFFERS));
        assertEquals("1GB", StorageSettings.formatSharedBuffers(1L << 30));
        assertEquals("136kB", StorageSettings.formatSharedBuffers(136L << 10));
    }

    @Test
    void too_small_or_unknown_units_are_refused() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> StorageSettings.parseSharedBuffers("64kB"));
        assertEquals("8 8kB is outside the valid range for parameter \"shared_buffers\" (16 .. 1073741823)",
                small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StorageSettings.parseSharedBuffers("16 parsecs"));
    }
}
