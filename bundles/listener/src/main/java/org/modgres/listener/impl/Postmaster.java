package org.modgres.listener.impl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * The postmaster: listens on the configured addresses and hands every connection, once its
 * startup packet is read, to the session manager. It never touches session or shared state,
 * so that a misbehaving client cannot stall it for others.
 */
@Component(immediate = true, configurationPid = Postmaster.PID)
@Designate(ocd = Postmaster.Config.class)
public final class Postmaster {

    static final String PID = "org.modgres.listener";

    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);

    @ObjectClassDefinition(name = "Modgres listener", description = "Where Modgres accepts client connections.")
    public @interface Config {
        @AttributeDefinition(description = "TCP port; the -p flag of bin/modgres overrides it.")
        int port() default 5432;

        @AttributeDefinition(description = "Comma-separated addresses to listen on, '*' for all; "
                + "the -h flag of bin/modgres overrides it.")
        String listen__addresses() default "127.0.0.1";

        @AttributeDefinition(description = "Seconds a client may take to complete its startup.")
        int authentication__timeout() default 60;
    }

    private final List<ServerSocket> serverSockets = new ArrayList<>();
    private final StartupHandshake handshake;

    @Activate
    public Postmaster(@Reference SessionManager sessions, BundleContext context, Config config) throws IOException {
        this.handshake = new StartupHandshake(sessions, config.authentication__timeout() * 1000);
        String portOverride = context.getProperty("modgres.port");
        String addressOverride = context.getProperty("modgres.listen_addresses");
        int port = portOverride != null ? Integer.parseInt(portOverride.trim()) : config.port();
        String addresses = addressOverride != null ? addressOverride : config.listen__addresses();
        try {
            for (String address : addresses.split(",")) {
                listen(address.trim(), port);
            }
        } catch (IOException e) {
            closeAll();
            throw e;
        }
        LOG.info("database system is ready to accept connections");
    }

    private void listen(String address, int port) throws IOException {
        InetAddress bindAddress = address.equals("*") ? null : InetAddress.getByName(address);
        ServerSocket serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        try {
            serverSocket.bind(new InetSocketAddress(bindAddress, port), 512);
        } catch (IOException e) {
            serverSocket.close();
            throw new IOException("could not listen on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        serverSockets.add(serverSocket);
        InetSocketAddress bound = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        LOG.info("listening on {} address \"{}\", port {}",
                bound.getAddress() instanceof java.net.Inet6Address ? "IPv6" : "IPv4",
                bound.getAddress().getHostAddress(), bound.getPort());
        Thread.ofVirtual().name("postmaster-" + bound.getPort()).start(() -> acceptLoop(serverSocket));
    }

    private void acceptLoop(ServerSocket serverSocket) {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                Thread.ofVirtual().name("startup").start(() -> handshake.run(socket));
            } catch (IOException e) {
                if (!serverSocket.isClosed()) {
                    LOG.warn("accept failed: {}", e.getMessage());
                }
            }
        }
    }

    @Deactivate
    void deactivate() {
        closeAll();
        LOG.info("listener stopped");
    }

    private void closeAll() {
        for (ServerSocket serverSocket : serverSockets) {
            try {
                serverSocket.close();
            } catch (IOException e) {
                LOG.warn("closing {} failed: {}", serverSocket, e.getMessage());
            }
        }
        serverSockets.clear();
    }
}
