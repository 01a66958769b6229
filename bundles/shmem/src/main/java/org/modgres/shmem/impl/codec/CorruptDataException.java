package org.modgres.shmem.impl.codec;

import java.io.Serial;

/** Stored bytes that passed their checksum but do not decode: a format mismatch or a bug, never a torn write. */
public final class CorruptDataException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public CorruptDataException(String message) {
        super(message);
    }
}
