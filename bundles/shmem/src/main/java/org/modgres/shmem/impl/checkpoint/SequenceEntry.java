package org.modgres.shmem.impl.checkpoint;

import org.modgres.api.storage.SequenceInfo;

/**
 * A sequence as a checkpoint records it.
 *
 * @param info      its definition
 * @param lastValue its value
 * @param isCalled  whether that value was handed out, so that the next call returns the one after it
 */
public record SequenceEntry(SequenceInfo info, long lastValue, boolean isCalled) {
}
