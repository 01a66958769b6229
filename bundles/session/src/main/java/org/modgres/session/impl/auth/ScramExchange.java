package org.modgres.session.impl.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * The server's side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677) as PostgreSQL runs it:
 * without channel binding, the user name of the startup packet rather than the one in the
 * message. A role without a SCRAM verifier gets a mock exchange with a salt derived from its
 * name, which fails at the end exactly as a wrong password does, so that a client cannot tell
 * which roles exist.
 */
public final class ScramExchange {

    private static final int NONCE_LENGTH = 18;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Keys the mock salts, so that they are stable for a role name within a run but not guessable. */
    private static final byte[] MOCK_KEY = randomBytes(32);

    private final PasswordHashes.ScramSecret secret;
    private final boolean mock;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /**
     * @param stored   the role's stored password, or null when it has none (or does not exist)
     * @param roleName the role's name, for the mock salt
     */
    public ScramExchange(String stored, String roleName) {
        PasswordHashes.ScramSecret parsed = stored == null ? null : PasswordHashes.parseScram(stored);
        this.mock = parsed == null;
        this.secret = parsed != null ? parsed : new PasswordHashes.ScramSecret(PasswordHashes.SCRAM_ITERATIONS,
                java.util.Arrays.copyOf(PasswordHashes.hmac(MOCK_KEY, roleName), 16), new byte[32], new byte[32]);
    }

    /** Whether the role had no verifier, so that the exchange can only fail. */
    public boolean mock() {
        return mock;
    }

    /** Reads the client-first-message and returns the server-first-message. */
    public byte[] serverFirst(byte[] clientFirstMessage) {
        String message = new String(clientFirstMessage, StandardCharsets.UTF_8);
        if (message.startsWith("p=")) {
            throw malformed("The client requires channel binding, which this server does not offer.");
        }
        if (!message.startsWith("n,") && !message.startsWith("y,")) {
            throw malformed("Unexpected channel-binding flag \"" + (message.isEmpty() ? "" : message.charAt(0))
                    + "\".");
        }
        int authzidEnd = message.indexOf(',', 2);
        if (authzidEnd < 0) {
            throw malformed("Malformed SCRAM message (missing attribute \"n\").");
        }
        if (authzidEnd > 2) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.FATAL,
                    "client uses authorization identity, but it is not supported", null, null, 0, null);
        }
        gs2Header = message.substring(0, authzidEnd + 1);
        clientFirstBare = message.substring(authzidEnd + 1);
        String[] attributes = clientFirstBare.split(",", -1);
        if (attributes.length < 2 || !attributes[0].startsWith("n=") || !attributes[1].startsWith("r=")
                || attributes[1].length() == 2) {
            throw malformed("Malformed SCRAM message (attributes \"n\" and \"r\" expected).");
        }
        String clientNonce = attributes[1].substring(2);
        for (char c : clientNonce.toCharArray()) {
            if (c < 0x21 || c > 0x7e || c == ',') {
                throw malformed("Malformed SCRAM message (invalid nonce).");
            }
        }
        nonce = clientNonce + Base64.getEncoder().encodeToString(randomBytes(NONCE_LENGTH));
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(secret.salt()) + ",i="
                + secret.iterations();
        return serverFirst.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the client-final-message and returns the server-final-message when the proof is
     * right, or null when it is not (the password is wrong, or the exchange was a mock).
     */
    public byte[] serverFinal(byte[] clientFinalMessage) {
        if (serverFirst == null) {
            throw new IllegalStateException("serverFirst was not called");
        }
        String message = new String(clientFinalMessage, StandardCharsets.UTF_8);
        int proofAt = message.lastIndexOf(",p=");
        if (!message.startsWith("c=") || proofAt < 0) {
            throw malformed("Malformed SCRAM message (attributes \"c\" and \"p\" expected).");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] attributes = withoutProof.split(",", -1);
        if (attributes.length < 2 || !attributes[1].startsWith("r=")) {
            throw malformed("Malformed SCRAM message (attribute \"r\" expected).");
        }
        byte[] binding = decode(attributes[0].substring(2));
        if (!new String(binding, StandardCharsets.UTF_8).equals(gs2Header)) {
            throw new PgException(SqlState.PROTOCOL_VIOLATION, Severity.FATAL,
                    "SCRAM channel binding check failed", null, null, 0, null);
        }
        if (!attributes[1].substring(2).equals(nonce)) {
            throw malformed("Nonce does not match.");
        }
        byte[] proof = decode(message.substring(proofAt + 3));
        if (proof.length != 32) {
            throw malformed("Malformed proof in client-final-message.");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = PasswordHashes.hmac(secret.storedKey(), authMessage);
        byte[] clientKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (mock || !MessageDigest.isEqual(PasswordHashes.sha256(clientKey), secret.storedKey())) {
            return null;
        }
        byte[] serverSignature = PasswordHashes.hmac(secret.serverKey(), authMessage);
        return ("v=" + Base64.getEncoder().encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed("Malformed SCRAM message (invalid base64).");
        }
    }

    private static PgException malformed(String detail) {
        return new PgException(SqlState.PROTOCOL_VIOLATION, Severity.FATAL, "malformed SCRAM message", detail,
                null, 0, null);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
