package org.modgres.session.impl;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.modgres.session.impl.auth.HbaFile;
import org.modgres.session.impl.auth.HbaRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of pg_hba.conf, read again when the file changes, as PostgreSQL reads it again on
 * SIGHUP. A file that does not parse keeps the rules read before (a new server refuses every
 * connection until it is fixed); with no file configured every connection is trusted.
 */
final class HbaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HbaConfiguration.class);

    /** Trusts everyone: for a server without a pg_hba.conf, and for tests. */
    static final HbaConfiguration TRUST_ALL = new HbaConfiguration(null);

    private final Path file;
    private List<HbaRule> rules = List.of();
    private FileTime loadedVersion;

    HbaConfiguration(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * Returns the first rule that matches the connection, or empty when none does; null when no
     * file is configured, so that every connection is trusted.
     */
    synchronized Optional<HbaRule> find(boolean local, boolean ssl, InetAddress address, String database,
                                        String user) {
        if (file == null) {
            return null;
        }
        reloadIfChanged();
        for (HbaRule rule : rules) {
            if (rule.matches(local, ssl, address, database, user)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private void reloadIfChanged() {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            if (loadedVersion != null || rules.isEmpty()) {
                LOG.error("could not read \"{}\": {}; no connection can match it", file, e.toString());
                loadedVersion = null;
            }
            rules = List.of();
            return;
        }
        if (modified.equals(loadedVersion)) {
            return;
        }
        try {
            rules = HbaFile.read(file);
            LOG.info("read {} rules from \"{}\"", rules.size(), file);
        } catch (IOException | HbaFile.InvalidHbaFileException e) {
            LOG.error("pg_hba.conf was not reloaded: {}", e.getMessage());
        }
        loadedVersion = modified;
    }
}
