package org.modgres.listener.impl;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for an accept loop to end after its socket was closed. A socket closed while a virtual
 * thread waits in accept is really released only when that thread has woken up, so without the
 * wait a new listener on the same port (a new configuration) could find it still in use.
 */
final class AcceptorThreads {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptorThreads.class);
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private AcceptorThreads() {
    }

    static void awaitEnd(Thread acceptor) {
        try {
            if (!acceptor.join(PATIENCE)) {
                LOG.warn("{} did not stop within {} s", acceptor.getName(), PATIENCE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
