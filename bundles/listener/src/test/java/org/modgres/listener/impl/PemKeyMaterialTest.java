package org.modgres.listener.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modgres.listener.impl.TestTls.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the server certificate and key from PEM files, as OpenSSL writes them. */
class PemKeyMaterialTest {

    @Test
    void pkcs8_rsa_key_as_openssl_req_writes_it() throws Exception {
        PemKeyMaterial material = PemKeyMaterial.read(resource("server.crt"), resource("server.key"));
        assertEquals("RSA", material.key().getAlgorithm());
        assertEquals(1, material.chain().size());
        assertEquals("CN=localhost", material.chain().getFirst().getSubjectX500Principal().getName());
    }

    @Test
    void pkcs1_rsa_key_is_the_same_key() throws Exception {
        PemKeyMaterial pkcs8 = PemKeyMaterial.read(resource("server.crt"), resource("server.key"));
        PemKeyMaterial pkcs1 = PemKeyMaterial.read(resource("server.crt"), resource("server-pkcs1.key"));
        assertArrayEquals(pkcs8.key().getEncoded(), pkcs1.key().getEncoded());
    }

    @Test
    void ec_key_and_certificate() throws Exception {
        PemKeyMaterial material = PemKeyMaterial.read(resource("ec.crt"), resource("ec.key"));
        assertEquals("EC", material.key().getAlgorithm());
    }

    @Test
    void a_key_of_another_certificate_is_refused() {
        IOException e = assertThrows(IOException.class,
                () -> PemKeyMaterial.read(resource("server.crt"), resource("other.key")));
        assertTrue(e.getMessage().contains("does not match server certificate file"), e.getMessage());
        e = assertThrows(IOException.class, () -> PemKeyMaterial.read(resource("server.crt"), resource("ec.key")));
        assertTrue(e.getMessage().contains("does not match server certificate file"), e.getMessage());
    }

    @Test
    void an_encrypted_key_is_refused_with_the_reason() {
        IOException e = assertThrows(IOException.class,
                () -> PemKeyMaterial.read(resource("server.crt"), resource("encrypted.key")));
        assertTrue(e.getMessage().contains("is encrypted"), e.getMessage());
    }

    @Test
    void missing_and_empty_files_are_reported_by_name(@TempDir Path directory) throws Exception {
        Path missing = directory.resolve("server.crt");
        IOException e = assertThrows(IOException.class, () -> PemKeyMaterial.read(missing, resource("server.key")));
        assertTrue(e.getMessage().startsWith("could not load server certificate file \"" + missing + "\""),
                e.getMessage());
        Path empty = Files.writeString(directory.resolve("server.key"), "");
        e = assertThrows(IOException.class, () -> PemKeyMaterial.read(resource("server.crt"), empty));
        assertTrue(e.getMessage().startsWith("could not load private key file \"" + empty + "\": no PKCS#8"),
                e.getMessage());
    }
}
