package org.modgres.examples.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** The hash algorithms pgcrypto names, mapped to the JDK's, and the bytes of text or bytea input. */
final class Digests {

    private static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1",
            "sha224", "SHA-224", "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");

    private Digests() {
    }

    /** Returns the JDK's name of a pgcrypto algorithm name, refusing the ones it does not know. */
    static String jdkName(String algorithm) {
        String name = ALGORITHMS.get(algorithm.toLowerCase(Locale.ROOT));
        if (name == null) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "Cannot use \"" + algorithm + "\": No such hash algorithm");
        }
        return name;
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(jdkName(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    /** Text is hashed as its UTF-8 bytes, as the server encoding is UTF8. */
    static byte[] bytes(Object value) {
        return value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
