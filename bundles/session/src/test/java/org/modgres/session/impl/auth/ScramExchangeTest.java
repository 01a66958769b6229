package org.modgres.session.impl.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** A SCRAM-SHA-256 client, written from RFC 5802, against the server side. */
class ScramExchangeTest {

    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";

    @Test
    void the_right_password_passes_and_the_server_signature_proves_the_server() {
        ScramExchange exchange = new ScramExchange(PasswordHashesTest.POSTGRES_VERIFIER, "alice");
        String[] result = run(exchange, "secret");
        assertEquals("v=" + result[1], result[0]);
    }

    @Test
    void a_wrong_password_and_a_missing_verifier_fail() {
        assertNull(run(new ScramExchange(PasswordHashesTest.POSTGRES_VERIFIER, "alice"), "wrong")[0]);
        ScramExchange mock = new ScramExchange(null, "nobody");
        assertNull(run(mock, "secret")[0]);
        assertNull(run(new ScramExchange("md5" + "0".repeat(32), "alice"), "secret")[0]);
    }

    @Test
    void malformed_messages_are_protocol_violations() {
        ScramExchange exchange = new ScramExchange(PasswordHashesTest.POSTGRES_VERIFIER, "alice");
        PgException e = assertThrows(PgException.class,
                () -> exchange.serverFirst("x,,n=,r=abc".getBytes(StandardCharsets.UTF_8)));
        assertEquals(SqlState.PROTOCOL_VIOLATION, e.sqlState());
        exchange.serverFirst(("n,,n=,r=" + CLIENT_NONCE).getBytes(StandardCharsets.UTF_8));
        PgException nonce = assertThrows(PgException.class,
                () -> exchange.serverFinal("c=biws,r=other,p=AAAA".getBytes(StandardCharsets.UTF_8)));
        assertEquals("malformed SCRAM message", nonce.getMessage());
    }

    /** Runs the client's side; returns the server-final-message (or null) and the signature the client expects. */
    private static String[] run(ScramExchange exchange, String password) {
        String clientFirstBare = "n=,r=" + CLIENT_NONCE;
        String serverFirst = new String(exchange.serverFirst(("n,," + clientFirstBare)
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        String nonce = serverFirst.split(",")[0].substring(2);
        byte[] salt = Base64.getDecoder().decode(serverFirst.split(",")[1].substring(2));
        int iterations = Integer.parseInt(serverFirst.split(",")[2].substring(2));
        byte[] salted = PasswordHashes.saltedPassword(password, salt, iterations);
        byte[] clientKey = PasswordHashes.hmac(salted, "Client Key");
        byte[] storedKey = PasswordHashes.sha256(clientKey);
        String withoutProof = "c=biws,r=" + nonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] signature = PasswordHashes.hmac(storedKey, authMessage);
        byte[] proof = new byte[32];
        for (int i = 0; i < 32; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        byte[] serverFinal = exchange.serverFinal((withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof))
                .getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getEncoder().encodeToString(
                PasswordHashes.hmac(PasswordHashes.hmac(salted, "Server Key"), authMessage));
        assertArrayEquals(salt, salt);
        return new String[] {serverFinal == null ? null : new String(serverFinal, StandardCharsets.UTF_8), expected};
    }
}
