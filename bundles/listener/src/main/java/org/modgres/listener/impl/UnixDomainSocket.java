package org.modgres.listener.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * An accepted Unix-domain connection seen as a {@link Socket}, which is what the session API
 * carries ({@code ClientConnection.socket()}); the JDK offers no Socket for such a channel
 * ({@code SocketChannel.socket()} throws). Streams, close, half-close and addresses go to the
 * channel. {@link #getRemoteSocketAddress()} is a {@link java.net.UnixDomainSocketAddress}, which
 * tells the session the connection is local (pg_hba's {@code local} rules). TCP options are
 * meaningless here: TCP_NODELAY is ignored, and a read timeout, which a blocking channel cannot
 * honour, is refused.
 */
final class UnixDomainSocket extends Socket {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean inputShutdown;
    private volatile boolean outputShutdown;

    UnixDomainSocket(SocketChannel channel) throws SocketException {
        // No SocketImpl: every operation that would need one is overridden.
        super((SocketImpl) null);
        this.channel = channel;
        // For a SocketChannel these streams read and write concurrently without a shared lock.
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    @Override
    public InputStream getInputStream() throws IOException {
        requireOpen();
        if (inputShutdown) {
            throw new SocketException("Socket input is shutdown");
        }
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        requireOpen();
        if (outputShutdown) {
            throw new SocketException("Socket output is shutdown");
        }
        return out;
    }

    private void requireOpen() throws SocketException {
        if (!channel.isOpen()) {
            throw new SocketException("Socket is closed");
        }
    }

    @Override
    public void shutdownInput() throws IOException {
        channel.shutdownInput();
        inputShutdown = true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
        outputShutdown = true;
    }

    @Override
    public boolean isInputShutdown() {
        return inputShutdown;
    }

    @Override
    public boolean isOutputShutdown() {
        return outputShutdown;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            // releases the placeholder TCP socket, should a socket option have made Socket create one
            super.close();
        }
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public boolean isConnected() {
        return channel.isConnected();
    }

    @Override
    public boolean isBound() {
        return true;
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        // there is no Nagle algorithm to turn off on a Unix-domain socket
    }

    @Override
    public boolean getTcpNoDelay() {
        return false;
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout != 0) {
            throw new SocketException("read timeouts are not supported on Unix-domain sockets");
        }
    }

    @Override
    public int getSoTimeout() {
        return 0;
    }

    @Override
    public String toString() {
        return "UnixDomainSocket[" + getLocalSocketAddress() + "]";
    }
}
