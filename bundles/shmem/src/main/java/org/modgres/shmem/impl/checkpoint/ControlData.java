package org.modgres.shmem.impl.checkpoint;

/**
 * What {@code global/pg_control} records about the last checkpoint.
 *
 * @param checkpoint   the checkpoint's number, which names its catalog file
 * @param redoPosition the log position recovery replays from
 * @param nextXid      the transaction id the next transaction gets at least
 * @param nextOid      the OID the next table gets at least
 * @param timeMillis   when the checkpoint began
 */
public record ControlData(long checkpoint, long redoPosition, long nextXid, long nextOid, long timeMillis) {
}
