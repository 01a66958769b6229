package org.modgres.listener.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** The test certificates in src/test/resources/tls, and a JDK client that trusts the server's one. */
final class TestTls {

    private TestTls() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestTls.class.getResource("/tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ServerTls serverTls() throws IOException {
        return ServerTls.load(resource("server.crt"), resource("server.key"));
    }

    /** Performs a client's TLS handshake over a socket whose SSLRequest the server answered 'S'. */
    static SSLSocket clientOver(Socket plain) throws IOException {
        try (InputStream certificate = TestTls.class.getResourceAsStream("/tls/server.crt")) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server",
                    CertificateFactory.getInstance("X.509").generateCertificate(certificate));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, "localhost", plain.getPort(), true);
            socket.setUseClientMode(true);
            socket.startHandshake();
            return socket;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
