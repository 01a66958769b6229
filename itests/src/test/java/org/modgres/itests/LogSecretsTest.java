package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogSecretsTest {

    @Test
    void masked_passwords_and_ordinary_lines_pass() {
        assertDoesNotThrow(() -> LogSecrets.check("""
                2026-11-26 10:00:00.000 UTC [12] LOG:  statement: create role a login password '********'
                2026-11-26 10:00:00.001 UTC [12] LOG:  statement: show password_encryption
                """));
    }

    @Test
    void a_test_password_an_unmasked_literal_or_a_verifier_fails_naming_its_line() {
        AssertionError named = assertThrows(AssertionError.class, () -> LogSecrets.check("""
                first line
                ERROR:  role "alice" failed with secret-alice
                last line
                """));
        assertTrue(named.getMessage().endsWith("ERROR:  role \"alice\" failed with secret-alice"), named.getMessage());
        assertThrows(AssertionError.class, () -> LogSecrets.check("statement: ALTER ROLE b PASSWORD 'hunter2'"));
        assertThrows(AssertionError.class, () -> LogSecrets.check("rolpassword SCRAM-SHA-256$4096:abc"));
        assertThrows(AssertionError.class, () -> LogSecrets.check("md5" + "0123456789abcdef0123456789abcdef"));
    }
}
