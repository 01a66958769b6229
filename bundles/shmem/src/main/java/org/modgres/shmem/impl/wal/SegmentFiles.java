package org.modgres.shmem.impl.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log's files: the byte stream of records is cut into segments of a fixed size, each named by
 * the position it starts at in 16 hexadecimal digits. A record may continue in the next segment.
 */
final class SegmentFiles {

    private static final Pattern NAME = Pattern.compile("[0-9A-F]{16}");

    private final Path directory;
    private final long segmentSize;

    SegmentFiles(Path directory, long segmentSize) {
        if (segmentSize < 1024) {
            throw new IllegalArgumentException("segment size " + segmentSize);
        }
        this.directory = directory;
        this.segmentSize = segmentSize;
    }

    long segmentSize() {
        return segmentSize;
    }

    Path directory() {
        return directory;
    }

    /** Returns where the segment holding {@code position} starts. */
    long startOf(long position) {
        return position - Math.floorMod(position, segmentSize);
    }

    Path path(long segmentStart) {
        return directory.resolve(String.format("%016X", segmentStart));
    }

    /** Returns the start positions of the segment files present, in order. */
    List<Long> existing() throws IOException {
        List<Long> starts = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (NAME.matcher(name).matches()) {
                    long start = Long.parseUnsignedLong(name, 16);
                    if (start % segmentSize != 0) {
                        throw new IOException("log segment " + file + " does not start at a multiple of the segment size "
                                + segmentSize);
                    }
                    starts.add(start);
                }
            }
        }
        starts.sort(null);
        return starts;
    }

    /** Makes the creation, removal or renaming of files in a directory durable. */
    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
