package org.modgres.launcher;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/**
 * Sends the framework's own messages (resolution failures, bundle start errors) to slf4j instead of
 * standard output. Felix takes it as the {@code felix.log.logger} framework property.
 */
final class FelixLogger extends Logger {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("org.apache.felix.framework");

    FelixLogger() {
        // Felix builds a message only when its level passes; let it build none that slf4j would drop.
        setLogLevel(LOG.isDebugEnabled() ? LOG_DEBUG
                : LOG.isInfoEnabled() ? LOG_INFO
                : LOG.isWarnEnabled() ? LOG_WARNING
                : LOG_ERROR);
    }

    @Override
    protected void doLog(Bundle bundle, @SuppressWarnings("rawtypes") ServiceReference reference, int level,
            String message, Throwable error) {
        String origin = bundle != null ? bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]: "
                : reference != null ? reference + ": " : "";
        doLog(level, origin + message, error);
    }

    @Override
    protected void doLog(int level, String message, Throwable error) {
        switch (level) {
            case LOG_ERROR -> LOG.error(message, error);
            case LOG_WARNING -> LOG.warn(message, error);
            case LOG_INFO -> LOG.info(message, error);
            default -> LOG.debug(message, error);
        }
    }
}
