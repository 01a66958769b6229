package org.modgres.session.impl.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The forms PostgreSQL stores passwords in: a SCRAM-SHA-256 verifier
 * ({@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, RFC 5802 and 7677) or an MD5
 * hash ({@code md5} followed by md5(password || role name) in hex). The plain password is never kept.
 */
public final class PasswordHashes {

    /** PostgreSQL's scram_iterations default. */
    static final int SCRAM_ITERATIONS = 4096;
    private static final int SALT_LENGTH = 16;
    private static final Pattern SCRAM = Pattern.compile(
            "SCRAM-SHA-256\\$(\\d+):([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");
    private static final Pattern MD5 = Pattern.compile("md5[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A parsed SCRAM-SHA-256 verifier. */
    public record ScramSecret(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    }

    private PasswordHashes() {
    }

    /** Returns whether a password as given in SQL is already in a stored form, which PostgreSQL keeps as it is. */
    public static boolean isHashed(String password) {
        return MD5.matcher(password).matches() || parseScram(password) != null;
    }

    /** Returns whether a stored password is a SCRAM verifier. */
    public static boolean isScram(String stored) {
        return stored != null && parseScram(stored) != null;
    }

    /** Returns whether a stored password is an MD5 hash. */
    public static boolean isMd5(String stored) {
        return stored != null && MD5.matcher(stored).matches();
    }

    /** Returns the stored form of a password per {@code password_encryption} ({@code md5} or {@code scram-sha-256}). */
    public static String hash(String password, String roleName, String method) {
        if (isHashed(password)) {
            return password;
        }
        return method.equals("md5") ? md5(password, roleName) : scramVerifier(password);
    }

    /** Returns {@code md5} followed by md5(password || roleName) in hex. */
    public static String md5(String password, String roleName) {
        return "md5" + md5Hex((password + roleName).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks the answer to an MD5 challenge, {@code md5} followed by md5(stored hash || salt) in
     * hex, against the stored MD5 hash.
     */
    public static boolean md5ChallengeMatches(String stored, byte[] salt, String answer) {
        if (!isMd5(stored)) {
            return false;
        }
        byte[] hex = stored.substring(3).getBytes(StandardCharsets.US_ASCII);
        byte[] salted = new byte[hex.length + salt.length];
        System.arraycopy(hex, 0, salted, 0, hex.length);
        System.arraycopy(salt, 0, salted, hex.length, salt.length);
        return MessageDigest.isEqual(("md5" + md5Hex(salted)).getBytes(StandardCharsets.US_ASCII),
                answer.getBytes(StandardCharsets.UTF_8));
    }

    static String md5Hex(byte[] input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }

    /** Returns a new SCRAM-SHA-256 verifier for a password, with a random salt. */
    public static String scramVerifier(String password) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return scramVerifier(password, salt, SCRAM_ITERATIONS);
    }

    static String scramVerifier(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        Base64.Encoder base64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + iterations + ":" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(sha256(hmac(salted, "Client Key"))) + ":"
                + base64.encodeToString(hmac(salted, "Server Key"));
    }

    /** Returns the parts of a SCRAM verifier, or null when the text is not one. */
    public static ScramSecret parseScram(String stored) {
        Matcher m = SCRAM.matcher(stored);
        if (!m.matches()) {
            return null;
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            int iterations = Integer.parseInt(m.group(1));
            byte[] storedKey = base64.decode(m.group(3));
            byte[] serverKey = base64.decode(m.group(4));
            if (iterations <= 0 || storedKey.length != 32 || serverKey.length != 32) {
                return null;
            }
            return new ScramSecret(iterations, base64.decode(m.group(2)), storedKey, serverKey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Checks a plain password (the password method) against a stored SCRAM verifier or MD5 hash. */
    public static boolean matches(String password, String roleName, String stored) {
        if (stored == null || password.isEmpty()) {
            return false;
        }
        ScramSecret secret = parseScram(stored);
        if (secret != null) {
            byte[] salted = saltedPassword(password, secret.salt(), secret.iterations());
            return MessageDigest.isEqual(sha256(hmac(salted, "Client Key")), secret.storedKey())
                    && MessageDigest.isEqual(hmac(salted, "Server Key"), secret.serverKey());
        }
        return isMd5(stored) && MessageDigest.isEqual(md5(password, roleName).getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Hi(password, salt, i) of RFC 5802: PBKDF2 with HMAC-SHA-256 and one block. The password is
     * normalised with NFKC, the core of SASLprep, which leaves ASCII passwords as they are.
     */
    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        byte[] key = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        Mac mac = mac(key);
        mac.update(salt);
        mac.update(new byte[] {0, 0, 0, 1});
        byte[] u = mac.doFinal();
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        return mac(key).doFinal(message);
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // an empty key is valid for HMAC but not for SecretKeySpec; HMAC pads it to zeros anyway
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
