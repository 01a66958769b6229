package org.modgres.itests;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must never stand in a server's log: the passwords the integration tests give roles (all
 * of them start with {@code secret-}, or are AuditLogIT's and RolesAuthIT's wrong one), a password
 * literal that is not masked, and stored password verifiers.
 */
final class LogSecrets {

    private static final Pattern SECRET = Pattern.compile("secret-|wrong-pass|not-in-any-log"
            + "|(?i:password\\s+'(?!\\*{8}'))|SCRAM-SHA-256\\$|\\bmd5[0-9a-f]{32}\\b");

    private LogSecrets() {
    }

    /** Throws when a line of the log holds a secret, naming the line. */
    static void check(String log) {
        Matcher found = SECRET.matcher(log);
        if (found.find()) {
            int start = log.lastIndexOf('\n', found.start()) + 1;
            int end = log.indexOf('\n', found.end());
            throw new AssertionError("a secret reached the server log: "
                    + log.substring(start, end < 0 ? log.length() : end));
        }
    }
}
