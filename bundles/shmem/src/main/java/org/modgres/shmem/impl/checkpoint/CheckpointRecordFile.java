package org.modgres.shmem.impl.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.modgres.api.role.DefaultAcl;
import org.modgres.api.storage.ObjectComment;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleMembership;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.ViewInfo;
import org.modgres.shmem.impl.codec.ByteInput;
import org.modgres.shmem.impl.codec.CorruptDataException;
import org.modgres.shmem.impl.codec.DefaultAclCodec;
import org.modgres.shmem.impl.codec.ObjectCommentCodec;
import org.modgres.shmem.impl.codec.RelationPrivilegesCodec;
import org.modgres.shmem.impl.codec.RoleMembershipCodec;
import org.modgres.shmem.impl.codec.SchemaObjectCodec;
import org.modgres.shmem.impl.codec.SequenceInfoCodec;
import org.modgres.shmem.impl.wal.RecordBatch;

/**
 * A file of one kind of record a checkpoint keeps beside its tables, {@code base/<kind>.<checkpoint>}:
 * a header (magic, checkpoint, count), then one record per entry. Written before {@code pg_control}
 * names the checkpoint; a checkpoint without the file has no entries of the kind.
 *
 * @param <T> the entries
 */
public final class CheckpointRecordFile<T> {

    /** The owners and access control lists of the relations. */
    public static final CheckpointRecordFile<RelationPrivileges> PRIVILEGES = new CheckpointRecordFile<>(
            "privileges", 0x4D47_4143, RelationPrivilegesCodec::write, RelationPrivilegesCodec::read);

    /** The memberships of roles in roles. */
    public static final CheckpointRecordFile<RoleMembership> MEMBERSHIPS = new CheckpointRecordFile<>(
            "memberships", 0x4D47_414D, RoleMembershipCodec::write, RoleMembershipCodec::read);

    /** The default access control lists of new objects (absent from checkpoints made before they were kept). */
    public static final CheckpointRecordFile<DefaultAcl> DEFAULT_ACLS = new CheckpointRecordFile<>(
            "defaultacls", 0x4D47_4441, DefaultAclCodec::write, DefaultAclCodec::read);

    /** The comments on objects (absent from checkpoints made before they were kept). */
    public static final CheckpointRecordFile<ObjectComment> COMMENTS = new CheckpointRecordFile<>(
            "comments", 0x4D47_434D, ObjectCommentCodec::write, ObjectCommentCodec::read);

    /** The sequences with their values. */
    public static final CheckpointRecordFile<SequenceEntry> SEQUENCES = new CheckpointRecordFile<>(
            "sequences", 0x4D47_5351, (out, entry) -> {
                SequenceInfoCodec.write(out, entry.info());
                out.writeLong(entry.lastValue());
                out.writeByte(entry.isCalled() ? 1 : 0);
            }, in -> new SequenceEntry(SequenceInfoCodec.read(in), in.readLong(), in.readByte() != 0));

    /** The schemas of CREATE SCHEMA. */
    public static final CheckpointRecordFile<SchemaInfo> SCHEMAS = new CheckpointRecordFile<>(
            "schemas", 0x4D47_4E53, SchemaObjectCodec::writeSchema, SchemaObjectCodec::readSchema);

    /** The views. */
    public static final CheckpointRecordFile<ViewInfo> VIEWS = new CheckpointRecordFile<>(
            "views", 0x4D47_5657, SchemaObjectCodec::writeView, SchemaObjectCodec::readView);

    private final String kind;
    private final int magic;
    private final Pattern name;
    private final BiConsumer<RecordBatch, T> writer;
    private final Function<ByteInput, T> reader;

    private CheckpointRecordFile(String kind, int magic, BiConsumer<RecordBatch, T> writer,
                                 Function<ByteInput, T> reader) {
        this.kind = kind;
        this.magic = magic;
        this.name = Pattern.compile(Pattern.quote(kind) + "\\.(\\d+)(\\.tmp)?");
        this.writer = writer;
        this.reader = reader;
    }

    private Path file(Path base, long checkpoint) {
        return base.resolve(kind + "." + checkpoint);
    }

    public void write(Path base, long checkpoint, List<T> entries) throws IOException {
        try (FramedFileWriter out = new FramedFileWriter(file(base, checkpoint))) {
            RecordBatch header = out.beginRecord();
            header.writeInt(magic);
            header.writeVarLong(checkpoint);
            header.writeVarLong(entries.size());
            out.endRecord();
            for (T entry : entries) {
                writer.accept(out.beginRecord(), entry);
                out.endRecord();
            }
            out.commit();
        }
    }

    public List<T> read(Path base, long checkpoint) throws IOException {
        Path file = file(base, checkpoint);
        if (checkpoint == 0 || !Files.exists(file)) {
            return List.of();
        }
        try (FramedFileReader in = new FramedFileReader(file)) {
            ByteInput header = in.next();
            if (header == null || header.readInt() != magic || header.readVarLong() != checkpoint) {
                throw in.corrupt("wrong file header");
            }
            long count = header.readVarLong();
            List<T> entries = new ArrayList<>();
            for (ByteInput record = in.next(); record != null; record = in.next()) {
                entries.add(reader.apply(record));
            }
            if (entries.size() != count) {
                throw in.corrupt("holds " + entries.size() + " entries, its header says " + count);
            }
            return entries;
        } catch (CorruptDataException e) {
            throw new IOException(kind + " file \"" + file + "\" is damaged: " + e.getMessage(), e);
        }
    }

    /** Deletes the files of other checkpoints, and unfinished ones. */
    public void removeOthers(Path base, long checkpoint) throws IOException {
        try (Stream<Path> files = Files.list(base)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                Matcher matcher = name.matcher(path.getFileName().toString());
                if (matcher.matches() && (matcher.group(2) != null || Long.parseLong(matcher.group(1)) != checkpoint)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
