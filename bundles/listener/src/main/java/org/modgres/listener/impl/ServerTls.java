package org.modgres.listener.impl;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The server side of TLS for connections whose SSLRequest was answered 'S': a server-mode
 * SSLSocket layered over the accepted socket, with the configured certificate, TLS 1.2 or newer
 * (PostgreSQL's default {@code ssl_min_protocol_version}). Client certificates are not asked for.
 */
final class ServerTls {

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLSocketFactory factory;
    private final SSLParameters parameters;

    private ServerTls(SSLContext context) {
        this.factory = context.getSocketFactory();
        this.parameters = context.getDefaultSSLParameters();
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        parameters.setProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        parameters.setNeedClientAuth(false);
    }

    /**
     * Loads the certificate and key.
     *
     * @throws IOException when they cannot be loaded or do not fit together; the message says why
     */
    static ServerTls load(Path certificateFile, Path keyFile) throws IOException {
        PemKeyMaterial material = PemKeyMaterial.read(certificateFile, keyFile);
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", material.key(), password, material.chain().toArray(Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, new SecureRandom());
            return new ServerTls(context);
        } catch (GeneralSecurityException e) {
            throw new IOException("could not set up TLS with \"" + certificateFile + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Performs the server's side of the TLS handshake on a socket whose client was just told 'S'.
     * Closing the returned socket closes the plain one.
     */
    SSLSocket accept(Socket plain) throws IOException {
        // Nothing was read past the SSLRequest, so no bytes of the handshake are consumed yet.
        SSLSocket socket = (SSLSocket) factory.createSocket(plain, null, true);
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }
}
