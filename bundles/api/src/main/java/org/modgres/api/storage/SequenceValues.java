package org.modgres.api.storage;

import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The values the sequences gave one session, for {@code currval} and {@code lastval}: PostgreSQL
 * keeps them per backend, outside any transaction. Provided by the session manager.
 */
@ProviderType
public interface SequenceValues {

    /**
     * Records the value {@code nextval} or {@code setval} gave for a sequence.
     *
     * @param used whether the sequence becomes the one {@code lastval} reads (nextval), or only its
     *             current value changes (setval)
     */
    void remember(long sequenceOid, long value, boolean used);

    /** Returns the value the sequence last gave this session, if any. */
    OptionalLong current(long sequenceOid);

    /** Returns the OID of the sequence this session used last, if any. */
    OptionalLong lastUsed();
}
