package org.modgres.shmem.impl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared storage's run-time parameters, by their PostgreSQL names, with PostgreSQL's units.
 *
 * @param dataDirectory     {@code data_directory}
 * @param checkpointTimeout {@code checkpoint_timeout}: the time between periodic checkpoints
 * @param maxWalSize        {@code max_wal_size}: how much log makes a checkpoint start early, in bytes
 * @param synchronousCommit {@code synchronous_commit}: whether COMMIT waits for its log records to be forced
 * @param walSegmentSize    the size of a log segment file
 * @param walWriterDelay    {@code wal_writer_delay}: how soon records no commit waits for are forced
 * @param sharedBuffers     {@code shared_buffers}: the size of the buffer pool of heap pages, in bytes
 */
record StorageSettings(Path dataDirectory, Duration checkpointTimeout, long maxWalSize, boolean synchronousCommit,
                       long walSegmentSize, Duration walWriterDelay, long sharedBuffers) {

    /** PostgreSQL's smallest shared_buffers: 16 blocks. */
    static final long MIN_SHARED_BUFFERS = 16L * 8192;

    StorageSettings(Path dataDirectory, Duration checkpointTimeout, long maxWalSize, boolean synchronousCommit,
                    long walSegmentSize, Duration walWriterDelay) {
        this(dataDirectory, checkpointTimeout, maxWalSize, synchronousCommit, walSegmentSize, walWriterDelay,
                Heaps.DEFAULT_SHARED_BUFFERS);
    }

    static final String PROPERTY_PREFIX = "modgres.";
    private static final Pattern QUANTITY = Pattern.compile("\\s*(-?\\d+)\\s*([a-zA-Z]*)\\s*");
    private static final long SEGMENT_SIZE = 16L << 20;
    private static final Duration WAL_WRITER_DELAY = Duration.ofMillis(200);

    /** Returns the settings with defaults for all but the data directory. */
    static StorageSettings defaults(Path dataDirectory) {
        return new StorageSettings(dataDirectory, Duration.ofMinutes(5), 1L << 30, true, SEGMENT_SIZE,
                WAL_WRITER_DELAY);
    }

    /**
     * Reads the settings from the component's configuration, each overridden by the framework property
     * {@code modgres.<name>} when set (the command line's {@code -D} and {@code -c name=value}).
     *
     * @throws IllegalArgumentException naming the parameter when a value is invalid
     */
    static StorageSettings of(SharedStorageImpl.Config config, UnaryOperator<String> frameworkProperty) {
        String directory = setting("data_directory", config.data__directory(), frameworkProperty);
        String timeout = setting("checkpoint_timeout", config.checkpoint__timeout(), frameworkProperty);
        String walSize = setting("max_wal_size", config.max__wal__size(), frameworkProperty);
        String synchronous = setting("synchronous_commit", config.synchronous__commit(), frameworkProperty);
        String buffers = setting("shared_buffers", config.shared__buffers(), frameworkProperty);
        return new StorageSettings(Path.of(directory).toAbsolutePath(),
                Duration.ofMillis(parseTime("checkpoint_timeout", timeout, 1_000, 86_400_000L)),
                parseSize("max_wal_size", walSize, 2 * SEGMENT_SIZE), parseSynchronousCommit(synchronous),
                SEGMENT_SIZE, WAL_WRITER_DELAY, parseSharedBuffers(buffers));
    }

    /** Parses shared_buffers as PostgreSQL does: a bare number counts 8kB blocks. */
    static long parseSharedBuffers(String value) {
        Matcher m = QUANTITY.matcher(value);
        if (!m.matches()) {
            throw invalid("shared_buffers", value);
        }
        long unit = switch (m.group(2)) {
            case "" -> 8L << 10;
            case "kB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            case "TB" -> 1L << 40;
            default -> throw invalidUnit("shared_buffers", value, "\"B\", \"kB\", \"MB\", \"GB\", and \"TB\"");
        };
        long bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        long maxBytes = (long) Integer.MAX_VALUE * 8192;
        if (bytes < MIN_SHARED_BUFFERS || bytes > maxBytes) {
            throw new IllegalArgumentException(bytes / 8192 + " 8kB is outside the valid range for parameter"
                    + " \"shared_buffers\" (16 .. 1073741823)");
        }
        return bytes;
    }

    /** Formats shared_buffers as PostgreSQL's SHOW does: the largest unit that divides it. */
    static String formatSharedBuffers(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GB";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MB";
        }
        return (bytes >> 10) + "kB";
    }

    private static String setting(String name, String configured, UnaryOperator<String> frameworkProperty) {
        String override = frameworkProperty.apply(PROPERTY_PREFIX + name);
        return override != null ? override : configured;
    }

    /** Parses a time with PostgreSQL's units (ms, s, min, h, d); a bare number is seconds. */
    static long parseTime(String name, String value, long minMillis, long maxMillis) {
        Matcher m = QUANTITY.matcher(value);
        if (!m.matches()) {
            throw invalid(name, value);
        }
        long unit = switch (m.group(2)) {
            case "ms" -> 1;
            case "", "s" -> 1_000;
            case "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> throw invalidUnit(name, value, "\"ms\", \"s\", \"min\", \"h\", and \"d\"");
        };
        long millis = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        if (millis < minMillis || millis > maxMillis) {
            throw new IllegalArgumentException(value + " is outside the valid range for parameter \"" + name + "\" ("
                    + minMillis / 1000 + " s .. " + maxMillis / 1000 + " s)");
        }
        return millis;
    }

    /** Parses a size with PostgreSQL's units (kB, MB, GB, TB); a bare number is megabytes. */
    static long parseSize(String name, String value, long minBytes) {
        Matcher m = QUANTITY.matcher(value);
        if (!m.matches()) {
            throw invalid(name, value);
        }
        long unit = switch (m.group(2)) {
            case "kB" -> 1L << 10;
            case "", "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            case "TB" -> 1L << 40;
            default -> throw invalidUnit(name, value, "\"kB\", \"MB\", \"GB\", and \"TB\"");
        };
        long bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        if (bytes < minBytes) {
            throw new IllegalArgumentException(value + " is outside the valid range for parameter \"" + name + "\" ("
                    + (minBytes >> 20) + " MB .. )");
        }
        return bytes;
    }

    /** Accepts PostgreSQL's values; the remote levels mean "on" for a server without standbys, as they do there. */
    static boolean parseSynchronousCommit(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1", "local", "remote_write", "remote_apply" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw invalid("synchronous_commit", value);
        };
    }

    private static IllegalArgumentException invalid(String name, String value) {
        return new IllegalArgumentException("invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }

    private static IllegalArgumentException invalidUnit(String name, String value, String units) {
        return new IllegalArgumentException("invalid value for parameter \"" + name + "\": \"" + value
                + "\"; valid units for this parameter are " + units);
    }
}
