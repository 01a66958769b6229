package org.modgres.session.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The stored forms match what PostgreSQL 15 stores for the same passwords. */
class PasswordHashesTest {

    /** What PostgreSQL 15 stored for CREATE ROLE alice PASSWORD 'secret'. */
    static final String POSTGRES_VERIFIER = "SCRAM-SHA-256$4096:PUxYWzJjqXj5XDblo23+WA==$"
            + "+08l9QXwy6JaFiIm52etPJgaSfVZof6SxWQGPq9Vdo8=:IkoRYviXnHQjvxdGoYTl8eLDs/UZIA5+E71z79EyqSw=";

    @Test
    void scram_verifier_equals_postgresql_for_the_same_salt() {
        byte[] salt = Base64.getDecoder().decode("PUxYWzJjqXj5XDblo23+WA==");
        assertEquals(POSTGRES_VERIFIER, PasswordHashes.scramVerifier("secret", salt, 4096));
        assertTrue(PasswordHashes.matches("secret", "alice", POSTGRES_VERIFIER));
        assertFalse(PasswordHashes.matches("Secret", "alice", POSTGRES_VERIFIER));
    }

    @Test
    void md5_equals_postgresql() {
        // PostgreSQL 15 with password_encryption = md5: ALTER ROLE alice PASSWORD 'x'
        assertEquals("md528caad97f168f471b34710a1418e28ab", PasswordHashes.md5("x", "alice"));
        assertTrue(PasswordHashes.matches("x", "alice", "md528caad97f168f471b34710a1418e28ab"));
        assertFalse(PasswordHashes.matches("x", "bob", "md528caad97f168f471b34710a1418e28ab"));
    }

    @Test
    void hash_keeps_hashed_passwords_and_follows_password_encryption() {
        assertEquals(POSTGRES_VERIFIER, PasswordHashes.hash(POSTGRES_VERIFIER, "bob", "md5"));
        assertTrue(PasswordHashes.hash("p", "bob", "md5").startsWith("md5"));
        String verifier = PasswordHashes.hash("p", "bob", "scram-sha-256");
        assertNotNull(PasswordHashes.parseScram(verifier));
        assertTrue(PasswordHashes.matches("p", "bob", verifier));
        assertNotEquals(verifier, PasswordHashes.hash("p", "bob", "scram-sha-256"));
        assertNull(PasswordHashes.parseScram("SCRAM-SHA-256$x"));
    }

    @Test
    void md5_challenge_answer_is_checked() {
        byte[] salt = {1, 2, 3, 4};
        String stored = PasswordHashes.md5("x", "alice");
        byte[] inner = stored.substring(3).getBytes(StandardCharsets.US_ASCII);
        byte[] salted = new byte[inner.length + 4];
        System.arraycopy(inner, 0, salted, 0, inner.length);
        System.arraycopy(salt, 0, salted, inner.length, 4);
        String answer = "md5" + PasswordHashes.md5Hex(salted);
        assertTrue(PasswordHashes.md5ChallengeMatches(stored, salt, answer));
        assertFalse(PasswordHashes.md5ChallengeMatches(stored, new byte[] {4, 3, 2, 1}, answer));
    }

    private static void assertNotEquals(String a, String b) {
        assertFalse(a.equals(b), "the salt is random");
    }
}
