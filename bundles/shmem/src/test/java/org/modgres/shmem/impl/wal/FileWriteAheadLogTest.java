package org.modgres.shmem.impl.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWriteAheadLogTest {

    private static final long SEGMENT = 4096;

    @TempDir
    Path directory;

    private FileWriteAheadLog open() throws IOException {
        return new FileWriteAheadLog(directory, SEGMENT, Duration.ofMillis(50));
    }

    private static RecordBatch batch(String... payloads) {
        RecordBatch batch = new RecordBatch();
        for (String payload : payloads) {
            batch.beginRecord();
            batch.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
            batch.endRecord();
        }
        return batch;
    }

    private static List<String> readAll(WriteAheadLog log, long from) throws IOException {
        List<String> records = new ArrayList<>();
        try (LogReader reader = log.read(from)) {
            for (LogRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(new String(r.payload(), StandardCharsets.UTF_8));
            }
        }
        return records;
    }

    private static long validEnd(WriteAheadLog log) throws IOException {
        try (LogReader reader = log.read(0)) {
            while (reader.next() != null) {
                // read to the end
            }
            return reader.position();
        }
    }

    @Test
    void records_read_back_in_order_after_reopening() throws Exception {
        long end;
        try (FileWriteAheadLog log = open()) {
            log.truncate(0);
            log.append(batch("one", "two"));
            end = log.append(batch("three"));
            log.force(end);
            assertEquals(end, log.durablePosition());
        }
        try (FileWriteAheadLog log = open()) {
            assertEquals(List.of("one", "two", "three"), readAll(log, 0));
            assertEquals(end, validEnd(log));
        }
    }

    @Test
    void records_continue_across_segment_files() throws Exception {
        String big = "x".repeat(3000);
        List<String> expected = new ArrayList<>();
        try (FileWriteAheadLog log = open()) {
            log.truncate(0);
            for (int i = 0; i < 10; i++) {
                expected.add(i + big);
                log.force(log.append(batch(i + big)));
            }
            String huge = "y".repeat(3 * (int) SEGMENT);
            expected.add(huge);
            log.force(log.append(batch(huge)));
        }
        try (var files = Files.list(directory)) {
            assertTrue(files.count() > 10, "several segments");
        }
        try (FileWriteAheadLog log = open()) {
            assertEquals(expected, readAll(log, 0));
        }
    }

    @Test
    void a_record_cut_short_ends_the_log_before_it() throws Exception {
        long secondStart;
        try (FileWriteAheadLog log = open()) {
            log.truncate(0);
            secondStart = log.append(batch("first"));
            log.force(log.append(batch("second")));
        }
        Path segment = directory.resolve("0000000000000000");
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(secondStart + RecordFraming.HEADER_SIZE + 3);
        }
        try (FileWriteAheadLog log = open()) {
            assertEquals(List.of("first"), readAll(log, 0));
            try (LogReader reader = log.read(0)) {
                reader.next();
                assertNull(reader.next());
                assertEquals(secondStart, reader.position());
                assertTrue(reader.stopReason().startsWith("incomplete record"), reader.stopReason());
            }
        }
    }

    @Test
    void a_record_whose_end_never_reached_the_disk_ends_the_log_before_it() throws Exception {
        long secondStart;
        long end;
        try (FileWriteAheadLog log = open()) {
            log.truncate(0);
            secondStart = log.append(batch("first"));
            end = log.append(batch("second"));
            log.force(end);
        }
        try (FileChannel channel = FileChannel.open(directory.resolve("0000000000000000"), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(3), end - 3);
        }
        try (FileWriteAheadLog log = open()) {
            try (LogReader reader = log.read(0)) {
                reader.next();
                assertNull(reader.next());
                assertEquals(secondStart, reader.position());
                assertTrue(reader.stopReason().startsWith("incorrect checksum"), reader.stopReason());
            }
        }
    }

    @Test
    void segments_are_written_full_size_and_the_log_ends_at_their_zeros() throws Exception {
        long end;
        try (FileWriteAheadLog log = open()) {
            log.truncate(0);
            end = log.append(batch("only"));
            log.force(end);
        }
        assertEquals(SEGMENT, Files.size(directory.resolve("0000000000000000")));
        assertEquals(SEGMENT, Files.size(directory.resolve(SegmentPreparer.PREPARED_NAME)),
                "the next segment is prepared ahead");
        try (FileWriteAheadLog log = open(); LogReader reader = log.read(0)) {
            reader.next();
            assertNull(reader.next());
            assertEquals(end, reader.position());
            assertTrue(reader.stopReason().startsWith("end of log"), reader.stopReason());
        }
    }

    @Test
    void records_past_the_end_recovery_chose_are_never_read_again() throws Exception {
        long cut;
        try (FileWriteAheadLog log = open()) {
            log.truncate(0);
            cut = log.append(batch("kept"));
            log.append(batch("lost"));
            log.force(log.append(batch("stale")));
        }
        try (FileWriteAheadLog log = open()) {
            // a new record as long as the one it replaces would line up with the stale one after it
            log.truncate(cut);
            log.force(log.append(batch("next")));
        }
        try (FileWriteAheadLog log = open()) {
            assertEquals(List.of("kept", "next"), readAll(log, 0));
        }
    }

    @Test
    void a_flipped_byte_fails_the_checksum_and_ends_the_log_there() throws Exception {
        long secondStart;
        try (FileWriteAheadLog log = open()) {
            log.truncate(0);
            secondStart = log.append(batch("first"));
            log.append(batch("second"));
            log.force(log.append(batch("third")));
        }
        Path segment = directory.resolve("0000000000000000");
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            long at = secondStart + RecordFraming.HEADER_SIZE + 2;
            channel.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
            channel.write(b, at);
        }
        try (FileWriteAheadLog log = open()) {
            assertEquals(List.of("first"), readAll(log, 0));
            try (LogReader reader = log.read(0)) {
                reader.next();
                reader.next();
                assertTrue(reader.stopReason().startsWith("incorrect checksum"), reader.stopReason());
            }
        }
    }

    @Test
    void truncate_discards_the_tail_and_appends_continue_there() throws Exception {
        long cut;
        try (FileWriteAheadLog log = open()) {
            log.truncate(0);
            cut = log.append(batch("kept"));
            log.force(log.append(batch("x".repeat(5000), "torn")));
        }
        try (FileWriteAheadLog log = open()) {
            log.truncate(cut);
            assertEquals(cut, log.endPosition());
            log.force(log.append(batch("after")));
        }
        try (FileWriteAheadLog log = open()) {
            assertEquals(List.of("kept", "after"), readAll(log, 0));
            assertFalse(Files.exists(directory.resolve(String.format("%016X", 2 * SEGMENT))));
        }
    }

    @Test
    void discarded_segments_are_gone_and_reading_before_them_fails() throws Exception {
        try (FileWriteAheadLog log = open()) {
            log.truncate(0);
            long end = 0;
            for (int i = 0; i < 5; i++) {
                end = log.append(batch("z".repeat(2000)));
            }
            log.force(end);
            log.discardBefore(2 * SEGMENT + 10);
            assertFalse(Files.exists(directory.resolve("0000000000000000")));
            assertFalse(Files.exists(directory.resolve(String.format("%016X", SEGMENT))));
            assertTrue(Files.exists(directory.resolve(String.format("%016X", 2 * SEGMENT))));
            assertThrows(IOException.class, () -> log.read(0));
        }
    }

    @Test
    void appending_before_the_end_is_known_is_refused() throws Exception {
        try (FileWriteAheadLog log = open()) {
            assertThrows(IllegalStateException.class, () -> log.append(batch("early")));
        }
    }

    @Test
    void concurrent_committers_share_forces_and_every_forced_record_is_there() throws Exception {
        int threads = 8;
        int perThread = 200;
        try (FileWriteAheadLog log = new FileWriteAheadLog(directory, FileWriteAheadLog.DEFAULT_SEGMENT_SIZE,
                Duration.ofMillis(200))) {
            log.truncate(0);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.force(log.append(batch(thread + ":" + i)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertTrue(log.forceCount() < threads * perThread,
                    log.forceCount() + " forces for " + threads * perThread + " commits");
        }
        try (FileWriteAheadLog log = new FileWriteAheadLog(directory, FileWriteAheadLog.DEFAULT_SEGMENT_SIZE,
                Duration.ofMillis(200))) {
            List<String> records = readAll(log, 0);
            assertEquals(threads * perThread, records.size());
            for (int t = 0; t < threads; t++) {
                int previous = -1;
                for (String r : records) {
                    if (r.startsWith(t + ":")) {
                        int i = Integer.parseInt(r.substring(r.indexOf(':') + 1));
                        assertEquals(previous + 1, i, "each thread's records in its order");
                        previous = i;
                    }
                }
                assertEquals(perThread - 1, previous);
            }
        }
    }

    @Test
    void records_nobody_waits_for_are_forced_within_the_delay() throws Exception {
        try (FileWriteAheadLog log = open()) {
            log.truncate(0);
            long end = log.append(batch("async"));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (log.durablePosition() < end && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(end, log.durablePosition());
        }
    }

    @Test
    void a_batch_is_framed_with_length_and_checksum() {
        RecordBatch batch = batch("abc");
        assertEquals(RecordFraming.HEADER_SIZE + 3, batch.size());
        assertEquals(3, RecordFraming.readInt(batch.array(), 0));
        assertEquals(RecordFraming.checksum(batch.array(), 0, 3), RecordFraming.readInt(batch.array(), 4));
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOfRange(batch.array(), RecordFraming.HEADER_SIZE, batch.size()));
    }
}
