package org.modgres.listener.impl;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts TCP connections on one address and port. */
final class TcpListener implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);

    private final ServerSocket serverSocket;
    private final Thread acceptor;

    private TcpListener(ServerSocket serverSocket, Consumer<Socket> handler) {
        this.serverSocket = serverSocket;
        this.acceptor = Thread.ofVirtual().name("postmaster-" + serverSocket.getLocalPort()).unstarted(
                () -> acceptLoop(handler));
    }

    /**
     * Binds the address and starts accepting; every connection is passed to the handler on a
     * virtual thread of its own.
     *
     * @param address a host name or address, {@code *} for all interfaces
     */
    static TcpListener open(String address, int port, Consumer<Socket> handler) throws IOException {
        InetAddress bindAddress = address.equals("*") ? null : InetAddress.getByName(address);
        ServerSocket serverSocket = new ServerSocket();
        try {
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(bindAddress, port), 512);
        } catch (IOException e) {
            serverSocket.close();
            throw new IOException("could not listen on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        LOG.info("listening on {} address \"{}\", port {}",
                bound.getAddress() instanceof Inet6Address ? "IPv6" : "IPv4",
                bound.getAddress().getHostAddress(), bound.getPort());
        TcpListener listener = new TcpListener(serverSocket, handler);
        listener.acceptor.start();
        return listener;
    }

    private void acceptLoop(Consumer<Socket> handler) {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                Thread.ofVirtual().name("startup").start(() -> handler.accept(socket));
            } catch (IOException e) {
                if (!serverSocket.isClosed()) {
                    LOG.warn("accept failed: {}", e.getMessage());
                }
            }
        }
    }

    /** Stops accepting and frees the port; accepted connections stay open. */
    @Override
    public void close() throws IOException {
        serverSocket.close();
        AcceptorThreads.awaitEnd(acceptor);
    }
}
