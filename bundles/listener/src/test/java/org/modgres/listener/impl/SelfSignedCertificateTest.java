package org.modgres.listener.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new data directory with ssl = on gets a certificate the JDK, and so TLS clients, accept. */
class SelfSignedCertificateTest {

    @TempDir
    Path directory;

    @Test
    void writes_a_valid_self_signed_certificate_and_an_owner_only_key_once() throws Exception {
        Path certificateFile = directory.resolve("server.crt");
        Path keyFile = directory.resolve("server.key");
        assertTrue(SelfSignedCertificate.writeIfAbsent(certificateFile, keyFile));
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(certificateFile)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity();
        assertEquals("CN=localhost", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(3, certificate.getVersion());
        assertEquals(-1, certificate.getBasicConstraints(), "not a certificate authority");
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1")),
                certificate.getSubjectAlternativeNames().stream().toList());
        assertTrue(certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(3649))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));

        byte[] before = Files.readAllBytes(certificateFile);
        assertFalse(SelfSignedCertificate.writeIfAbsent(certificateFile, keyFile), "existing files are kept");
        assertEquals(List.of((Object) before.length), List.of((Object) Files.readAllBytes(certificateFile).length));
        handshake(ServerTls.load(certificateFile, keyFile), certificate);
    }

    @Test
    void does_not_write_when_only_one_of_the_files_is_there() throws Exception {
        Path certificateFile = directory.resolve("server.crt");
        Files.writeString(certificateFile, "mine");
        assertFalse(SelfSignedCertificate.writeIfAbsent(certificateFile, directory.resolve("server.key")));
        assertFalse(Files.exists(directory.resolve("server.key")));
        assertEquals("mine", Files.readString(certificateFile));
    }

    /** A JDK client that trusts exactly this certificate completes a handshake with the server side. */
    private static void handshake(ServerTls tls, X509Certificate certificate) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket plain = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             Socket accepted = listener.accept()) {
            CompletableFuture<Socket> server = CompletableFuture.supplyAsync(() -> {
                try {
                    Socket secured = tls.accept(accepted);
                    secured.getOutputStream().write(42);
                    secured.getOutputStream().flush();
                    return secured;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            try (SSLSocket client = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, "localhost", plain.getPort(), true)) {
                client.setUseClientMode(true);
                client.startHandshake();
                assertEquals(42, client.getInputStream().read());
                server.get(10, TimeUnit.SECONDS).close();
            }
        }
    }
}
