package org.modgres.shmem.impl.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.modgres.api.role.RelationPrivileges;
import org.modgres.shmem.impl.codec.ByteInput;
import org.modgres.shmem.impl.codec.CorruptDataException;
import org.modgres.shmem.impl.codec.RelationPrivilegesCodec;
import org.modgres.shmem.impl.wal.RecordBatch;

/**
 * {@code base/privileges.<checkpoint>}: the owners and access control lists of a checkpoint's
 * relations, one record each. Written before {@code pg_control} names the checkpoint; a
 * checkpoint without the file has every relation owned by the bootstrap superuser.
 */
public final class PrivilegesFile {

    private static final int MAGIC = 0x4D47_4143;
    private static final Pattern NAME = Pattern.compile("privileges\\.(\\d+)(\\.tmp)?");

    private PrivilegesFile() {
    }

    private static Path file(Path base, long checkpoint) {
        return base.resolve("privileges." + checkpoint);
    }

    public static void write(Path base, long checkpoint, List<RelationPrivileges> entries) throws IOException {
        try (FramedFileWriter writer = new FramedFileWriter(file(base, checkpoint))) {
            RecordBatch header = writer.beginRecord();
            header.writeInt(MAGIC);
            header.writeVarLong(checkpoint);
            header.writeVarLong(entries.size());
            writer.endRecord();
            for (RelationPrivileges entry : entries) {
                RelationPrivilegesCodec.write(writer.beginRecord(), entry);
                writer.endRecord();
            }
            writer.commit();
        }
    }

    public static List<RelationPrivileges> read(Path base, long checkpoint) throws IOException {
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
            List<RelationPrivileges> entries = new ArrayList<>();
            for (ByteInput in = reader.next(); in != null; in = reader.next()) {
                entries.add(RelationPrivilegesCodec.read(in));
            }
            if (entries.size() != count) {
                throw reader.corrupt("holds " + entries.size() + " entries, its header says " + count);
            }
            return entries;
        } catch (CorruptDataException e) {
            throw new IOException("privileges file \"" + file + "\" is damaged: " + e.getMessage(), e);
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
