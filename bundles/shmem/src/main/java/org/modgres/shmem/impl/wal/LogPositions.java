package org.modgres.shmem.impl.wal;

/** Log positions as PostgreSQL prints LSNs: the high and low 32 bits in hexadecimal, {@code 0/16B3748}. */
public final class LogPositions {

    private LogPositions() {
    }

    public static String format(long position) {
        return Long.toHexString(position >>> 32).toUpperCase() + "/" + Long.toHexString(position & 0xFFFF_FFFFL)
                .toUpperCase();
    }
}
