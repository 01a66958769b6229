package org.modgres.shmem.impl.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.modgres.shmem.impl.codec.ByteInput;
import org.modgres.shmem.impl.codec.CorruptDataException;
import org.modgres.shmem.impl.codec.SequenceInfoCodec;
import org.modgres.shmem.impl.wal.RecordBatch;

/**
 * {@code base/sequences.<checkpoint>}: the sequences of a checkpoint with their values, one record
 * each. Written before {@code pg_control} names the checkpoint; a checkpoint without the file has
 * no sequences.
 */
public final class SequenceFile {

    private static final int MAGIC = 0x4D47_5351;
    private static final Pattern NAME = Pattern.compile("sequences\\.(\\d+)(\\.tmp)?");

    private SequenceFile() {
    }

    private static Path file(Path base, long checkpoint) {
        return base.resolve("sequences." + checkpoint);
    }

    public static void write(Path base, long checkpoint, List<SequenceEntry> entries) throws IOException {
        try (FramedFileWriter writer = new FramedFileWriter(file(base, checkpoint))) {
            RecordBatch header = writer.beginRecord();
            header.writeInt(MAGIC);
            header.writeVarLong(checkpoint);
            header.writeVarLong(entries.size());
            writer.endRecord();
            for (SequenceEntry entry : entries) {
                RecordBatch out = writer.beginRecord();
                SequenceInfoCodec.write(out, entry.info());
                out.writeLong(entry.lastValue());
                out.writeByte(entry.isCalled() ? 1 : 0);
                writer.endRecord();
            }
            writer.commit();
        }
    }

    public static List<SequenceEntry> read(Path base, long checkpoint) throws IOException {
        Path file = file(base, checkpoint);
        if (checkpoint == 0 || !Files.exists(file)) {
            return List.of();
        }
        try (FramedFileReader reader = new FramedFileReader(file)) {
            ByteInput header = reader.next();
            if (header == null || header.readInt() != MAGIC || header.readVarLong() != checkpoint) {
                throw reader.corrupt("wrong file header");
            }
            long count = header.readVarLong();
            List<SequenceEntry> entries = new ArrayList<>();
            for (ByteInput in = reader.next(); in != null; in = reader.next()) {
                entries.add(new SequenceEntry(SequenceInfoCodec.read(in), in.readLong(), in.readByte() != 0));
            }
            if (entries.size() != count) {
                throw reader.corrupt("holds " + entries.size() + " sequences, its header says " + count);
            }
            return entries;
        } catch (CorruptDataException e) {
            throw new IOException("sequence file \"" + file + "\" is damaged: " + e.getMessage(), e);
        }
    }

    /** Deletes the files of other checkpoints. */
    public static void removeOthers(Path base, long checkpoint) throws IOException {
        try (Stream<Path> files = Files.list(base)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                Matcher matcher = NAME.matcher(path.getFileName().toString());
                if (matcher.matches() && (matcher.group(2) != null || Long.parseLong(matcher.group(1)) != checkpoint)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
