package org.modgres.listener.impl;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code authentication_timeout} for the postmaster's part of the startup: a connection whose
 * startup packet (TLS handshake included) is not read in time is closed. The limit is on the
 * whole startup, not on each read, so a client cannot hold a connection by dribbling bytes; and
 * closing the socket works for every kind of connection, where a read timeout would not (a
 * Unix-domain channel has none).
 */
final class StartupDeadlines implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartupDeadlines.class);

    private final long timeoutMillis;
    private final ScheduledThreadPoolExecutor timer;
    private final Set<Deadline> pending = ConcurrentHashMap.newKeySet();

    StartupDeadlines(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name("authentication-timeout").factory());
        // a connection that finishes its startup in time must not leave its task queued for the whole timeout
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Starts the clock for a newly accepted connection. */
    Deadline start(Socket socket) {
        Deadline deadline = new Deadline(socket);
        pending.add(deadline);
        try {
            deadline.task = timer.schedule(deadline::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            deadline.expire();
        }
        return deadline;
    }

    /** Stops the clocks and closes every connection still in its startup. */
    @Override
    public void close() {
        timer.shutdownNow();
        for (Deadline deadline : pending) {
            deadline.expire();
        }
    }

    /** The clock of one connection: either the startup settles it, or it expires and closes the socket. */
    final class Deadline {
        private final Socket socket;
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile Future<?> task;

        private Deadline(Socket socket) {
            this.socket = socket;
        }

        /**
         * Stops the clock. Returns false when it had already expired: the socket is closed then
         * and must not be handed over.
         */
        boolean settle() {
            if (!over.compareAndSet(false, true)) {
                return false;
            }
            Future<?> scheduled = task;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            pending.remove(this);
            return true;
        }

        private void expire() {
            if (!over.compareAndSet(false, true)) {
                return;
            }
            pending.remove(this);
            LOG.debug("closing connection from {}: startup not completed within {} ms",
                    socket.getRemoteSocketAddress(), timeoutMillis);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }
    }
}
