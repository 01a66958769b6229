package org.modgres.session.impl;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.modgres.api.storage.SequenceValues;

/** The values the sequences gave one backend, for currval and lastval; the backend's statements run one at a time. */
final class SessionSequenceValues implements SequenceValues {

    private final Map<Long, Long> current = new HashMap<>();
    private long lastUsed = -1;

    @Override
    public void remember(long sequenceOid, long value, boolean used) {
        current.put(sequenceOid, value);
        if (used) {
            lastUsed = sequenceOid;
        }
    }

    @Override
    public OptionalLong current(long sequenceOid) {
        Long value = current.get(sequenceOid);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Forgets every value, as DISCARD SEQUENCES does. */
    void forget() {
        current.clear();
        lastUsed = -1;
    }

    @Override
    public OptionalLong lastUsed() {
        return lastUsed < 0 ? OptionalLong.empty() : OptionalLong.of(lastUsed);
    }
}
