package org.modgres.listener.impl;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.modgres.api.session.SessionManager;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The postmaster: listens on the configured TCP addresses and Unix-domain socket directories and
 * hands every connection, once its startup packet is read, to the session manager. It never
 * touches session or shared state, so that a misbehaving client cannot stall it for others.
 */
@Component(immediate = true, configurationPid = Postmaster.PID)
@Designate(ocd = Postmaster.Config.class)
public final class Postmaster {

    static final String PID = "org.modgres.listener";

    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);

    /**
     * Every setting can also be given on the command line ({@code -c name=value}, the framework
     * property {@code modgres.<name>}), which wins over this configuration.
     */
    @ObjectClassDefinition(name = "Modgres listener", description = "Where and how Modgres accepts client connections.")
    public @interface Config {
        @AttributeDefinition(description = "TCP port, also the number in the Unix-domain socket's name; "
                + "the -p flag of bin/modgres overrides it.")
        int port() default 5432;

        @AttributeDefinition(description = "Comma-separated addresses to listen on, '*' for all; "
                + "the -h flag of bin/modgres overrides it.")
        String listen__addresses() default "127.0.0.1";

        @AttributeDefinition(description = "Comma-separated directories in which to create the Unix-domain "
                + "socket .s.PGSQL.<port> (and its lock file); relative ones are in the data directory; empty "
                + "for none. The -k flag of bin/modgres overrides it.")
        String unix__socket__directories() default "/tmp";

        @AttributeDefinition(description = "Backends allowed at once; further clients get FATAL 53300 "
                + "'sorry, too many clients already'.")
        int max__connections() default 100;

        @AttributeDefinition(description = "Seconds a client may take to send its startup packet, "
                + "TLS handshake included; then the connection is closed.")
        int authentication__timeout() default 60;

        @AttributeDefinition(description = "Whether TCP clients may use TLS (on/off): an SSLRequest is then "
                + "answered with a TLS handshake, using ssl_cert_file and ssl_key_file.")
        String ssl() default "off";

        @AttributeDefinition(description = "Server certificate (PEM, the chain may follow it); relative to "
                + "the data directory.")
        String ssl__cert__file() default "server.crt";

        @AttributeDefinition(description = "Private key of the server certificate (PEM, PKCS#8 or PKCS#1 RSA, "
                + "not encrypted); relative to the data directory.")
        String ssl__key__file() default "server.key";
    }

    private final List<Closeable> listeners = new ArrayList<>();
    private final StartupDeadlines deadlines;

    @Activate
    public Postmaster(@Reference SessionManager sessions, BundleContext context, Config config) throws IOException {
        ListenerSettings settings = ListenerSettings.resolve(config, context::getProperty);
        ServerTls tls = settings.ssl() ? loadTls(settings) : null;
        this.deadlines = new StartupDeadlines(settings.authenticationTimeoutSeconds() * 1000L);
        StartupHandshake handshake = new StartupHandshake(sessions,
                new ConnectionAdmission(sessions, settings.maxConnections()), deadlines, tls);
        try {
            for (String address : settings.listenAddresses()) {
                listeners.add(TcpListener.open(address, settings.port(), handshake::run));
            }
            listenOnUnixSockets(settings, handshake);
        } catch (IOException | RuntimeException e) {
            closeAll();
            throw e;
        }
        LOG.info("database system is ready to accept connections");
    }

    private static ServerTls loadTls(ListenerSettings settings) throws IOException {
        if (SelfSignedCertificate.writeIfAbsent(settings.sslCertFile(), settings.sslKeyFile())) {
            LOG.warn("wrote a self-signed certificate for localhost to \"{}\" and its key to \"{}\": clients can"
                    + " encrypt but not verify the server; replace them with a certificate clients trust",
                    settings.sslCertFile(), settings.sslKeyFile());
        }
        ServerTls tls = ServerTls.load(settings.sslCertFile(), settings.sslKeyFile());
        LOG.info("TLS enabled with certificate \"{}\"", settings.sslCertFile());
        return tls;
    }

    /**
     * As PostgreSQL: a directory where the socket cannot be created is skipped with a warning, as
     * long as one socket is made; a socket held by another live server stops the start.
     */
    private void listenOnUnixSockets(ListenerSettings settings, StartupHandshake handshake) throws IOException {
        int created = 0;
        for (Path directory : settings.unixSocketDirectories()) {
            try {
                listeners.add(UnixSocketListener.open(directory, settings.port(), settings.dataDirectory(),
                        handshake::run));
                created++;
            } catch (SocketLockFile.HeldByAnotherServer e) {
                throw e;
            } catch (IOException e) {
                LOG.warn("could not create Unix-domain socket in directory \"{}\": {}", directory, e.getMessage());
            }
        }
        if (created == 0 && !settings.unixSocketDirectories().isEmpty()) {
            throw new IOException("could not create any Unix-domain sockets");
        }
    }

    @Deactivate
    void deactivate() {
        closeAll();
        LOG.info("listener stopped");
    }

    private void closeAll() {
        for (Closeable listener : listeners) {
            try {
                listener.close();
            } catch (IOException e) {
                LOG.warn("closing {} failed: {}", listener, e.getMessage());
            }
        }
        listeners.clear();
        deadlines.close();
    }
}
