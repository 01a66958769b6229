package org.modgres.launcher;

import java.io.Serial;

/** A reason the server cannot start, worded for the operator: the launcher logs its message and exits 1. */
final class LaunchException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
