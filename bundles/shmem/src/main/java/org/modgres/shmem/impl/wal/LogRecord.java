package org.modgres.shmem.impl.wal;

/**
 * A record read back from the log.
 *
 * @param position where its header starts
 * @param end      where the next record starts
 * @param payload  its payload
 */
public record LogRecord(long position, long end, byte[] payload) {
}
