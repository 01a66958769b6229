package org.modgres.shmem.impl.checkpoint;

import java.io.IOException;
import java.io.Serial;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.modgres.api.role.RoleInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.shmem.impl.codec.ByteInput;
import org.modgres.shmem.impl.codec.ByteOutput;
import org.modgres.shmem.impl.codec.CorruptDataException;
import org.modgres.shmem.impl.codec.RoleInfoCodec;
import org.modgres.shmem.impl.codec.RowCodec;
import org.modgres.shmem.impl.codec.TableInfoCodec;
import org.modgres.shmem.impl.wal.RecordBatch;

/**
 * The files a checkpoint writes: {@code base/<oid>.<generation>} with a table's rows,
 * {@code base/catalog.<checkpoint>} with the tables, and {@code global/pg_control}, which names the
 * current checkpoint. Every file is written whole under a temporary name, forced and renamed; a
 * checkpoint takes effect when {@code pg_control} is renamed into place, so a crash at any moment
 * leaves the previous checkpoint complete.
 */
public final class CheckpointStore {

    private static final int FORMAT_VERSION = 1;
    private static final int CONTROL_MAGIC = 0x4D47_4354;
    private static final int CATALOG_MAGIC = 0x4D47_4341;
    private static final int TABLE_MAGIC = 0x4D47_5442;
    private static final int ROLES_MAGIC = 0x4D47_524C;
    private static final int HEADER = 1;
    private static final int BODY = 2;
    private static final int END = 3;
    private static final int ROWS_PER_RECORD_BYTES = 64 << 10;
    private static final Pattern TABLE_FILE = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern CATALOG_FILE = Pattern.compile("catalog\\.(\\d+)");
    private static final Pattern ROLES_FILE = Pattern.compile("pg_authid\\.(\\d+)(\\.tmp)?");

    private final Path base;
    private final Path global;

    public CheckpointStore(Path dataDirectory) throws IOException {
        this.base = Files.createDirectories(dataDirectory.resolve("base"));
        this.global = Files.createDirectories(dataDirectory.resolve("global"));
    }

    /** Returns {@code base/}, where the checkpoint files are. */
    public Path base() {
        return base;
    }

    private Path control() {
        return global.resolve("pg_control");
    }

    private Path catalogFile(long checkpoint) {
        return base.resolve("catalog." + checkpoint);
    }

    private Path rolesFile(long checkpoint) {
        return global.resolve("pg_authid." + checkpoint);
    }

    private Path tableFile(long oid, long generation) {
        return base.resolve(oid + "." + generation);
    }

    /** Returns the last checkpoint's control data, or empty in a data directory that never had one. */
    public Optional<ControlData> readControl() throws IOException {
        if (!Files.exists(control())) {
            return Optional.empty();
        }
        try (FramedFileReader reader = new FramedFileReader(control())) {
            ByteInput in = reader.next();
            if (in == null || in.readInt() != CONTROL_MAGIC) {
                throw reader.corrupt("not a Modgres control file");
            }
            checkVersion(reader, in.readInt());
            ControlData data = new ControlData(in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(),
                    in.readLong());
            if (reader.next() != null) {
                throw reader.corrupt("data after the control record");
            }
            return Optional.of(data);
        } catch (CorruptDataException e) {
            throw new IOException("control file \"" + control() + "\" is damaged: " + e.getMessage(), e);
        }
    }

    /** Makes a checkpoint current. Its catalog and table files must be written already. */
    public void writeControl(ControlData data) throws IOException {
        try (FramedFileWriter writer = new FramedFileWriter(control())) {
            RecordBatch out = writer.beginRecord();
            out.writeInt(CONTROL_MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeVarLong(data.checkpoint());
            out.writeVarLong(data.redoPosition());
            out.writeVarLong(data.nextXid());
            out.writeVarLong(data.nextOid());
            out.writeLong(data.timeMillis());
            writer.endRecord();
            writer.commit();
        }
        forceDirectory(global);
    }

    public List<CatalogEntry> readCatalog(long checkpoint) throws IOException {
        Path file = catalogFile(checkpoint);
        List<CatalogEntry> entries = new ArrayList<>();
        try (FramedFileReader reader = new FramedFileReader(file)) {
            readHeader(reader, CATALOG_MAGIC, checkpoint);
            for (ByteInput in = reader.next(); ; in = reader.next()) {
                if (in == null) {
                    throw reader.corrupt("no end record");
                }
                int kind = in.readByte();
                if (kind == END) {
                    checkEnd(reader, in, entries.size());
                    return entries;
                }
                if (kind != BODY) {
                    throw reader.corrupt("unexpected record kind " + kind);
                }
                long generation = in.readVarLong();
                long nextRowId = in.readVarLong();
                entries.add(new CatalogEntry(TableInfoCodec.read(in), nextRowId, generation));
            }
        } catch (CorruptDataException e) {
            throw new IOException("catalog file \"" + file + "\" is damaged: " + e.getMessage(), e);
        }
    }

    public void writeCatalog(long checkpoint, List<CatalogEntry> entries) throws IOException {
        try (FramedFileWriter writer = new FramedFileWriter(catalogFile(checkpoint))) {
            writeHeader(writer, CATALOG_MAGIC, checkpoint);
            for (CatalogEntry entry : entries) {
                RecordBatch out = writer.beginRecord();
                out.writeByte(BODY);
                out.writeVarLong(entry.generation());
                out.writeVarLong(entry.nextRowId());
                TableInfoCodec.write(out, entry.info());
                writer.endRecord();
            }
            writeEnd(writer, entries.size());
            writer.commit();
        }
    }

    /**
     * Reads a checkpoint's roles; empty when it has none, as a checkpoint written before roles were
     * kept has not.
     */
    public Optional<List<RoleInfo>> readRoles(long checkpoint) throws IOException {
        Path file = rolesFile(checkpoint);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<RoleInfo> roles = new ArrayList<>();
        try (FramedFileReader reader = new FramedFileReader(file)) {
            readHeader(reader, ROLES_MAGIC, checkpoint);
            for (ByteInput in = reader.next(); ; in = reader.next()) {
                if (in == null) {
                    throw reader.corrupt("no end record");
                }
                int kind = in.readByte();
                if (kind == END) {
                    checkEnd(reader, in, roles.size());
                    return Optional.of(roles);
                }
                if (kind != BODY) {
                    throw reader.corrupt("unexpected record kind " + kind);
                }
                roles.add(RoleInfoCodec.read(in));
            }
        } catch (CorruptDataException e) {
            throw new IOException("roles file \"" + file + "\" is damaged: " + e.getMessage(), e);
        }
    }

    /** Writes a checkpoint's roles to {@code global/pg_authid.<checkpoint>}, durably, before its control file. */
    public void writeRoles(long checkpoint, List<RoleInfo> roles) throws IOException {
        try (FramedFileWriter writer = new FramedFileWriter(rolesFile(checkpoint))) {
            writeHeader(writer, ROLES_MAGIC, checkpoint);
            for (RoleInfo role : roles) {
                RecordBatch out = writer.beginRecord();
                out.writeByte(BODY);
                RoleInfoCodec.write(out, role);
                writer.endRecord();
            }
            writeEnd(writer, roles.size());
            writer.commit();
        }
        forceDirectory(global);
    }

    /** Reads a table's rows file; returns the number of rows. */
    public long readTable(CatalogEntry entry, RowSink sink) throws IOException {
        TableInfo info = entry.info();
        Path file = tableFile(info.oid(), entry.generation());
        RowCodec codec = new RowCodec(info.columns());
        long rows = 0;
        try (FramedFileReader reader = new FramedFileReader(file)) {
            readHeader(reader, TABLE_MAGIC, info.oid());
            for (ByteInput in = reader.next(); ; in = reader.next()) {
                if (in == null) {
                    throw reader.corrupt("no end record");
                }
                int kind = in.readByte();
                if (kind == END) {
                    checkEnd(reader, in, rows);
                    return rows;
                }
                if (kind != BODY) {
                    throw reader.corrupt("unexpected record kind " + kind);
                }
                long rowId = in.readVarLong();
                for (long count = in.readVarLong(); count > 0; count--) {
                    rowId += in.readVarLong();
                    sink.row(rowId, codec.read(in));
                    rows++;
                }
            }
        } catch (CorruptDataException e) {
            throw new IOException("table file \"" + file + "\" is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a table's rows, in records of about 64 KiB: the first row id, the row count, then each row
     * as the gap from the previous id and the row's values.
     */
    public long writeTable(long generation, TableInfo info, RowSource rows) throws IOException {
        RowCodec codec = new RowCodec(info.columns());
        try (FramedFileWriter writer = new FramedFileWriter(tableFile(info.oid(), generation))) {
            writeHeader(writer, TABLE_MAGIC, info.oid());
            TableRecords records = new TableRecords(writer, codec);
            try {
                rows.forEach(records::add);
            } catch (UncheckedWriteException e) {
                throw e.getCause();
            }
            records.finish();
            writeEnd(writer, records.total);
            writer.commit();
            return records.total;
        }
    }

    /** Makes the renames of the files written since the last call durable. */
    public void forceTables() throws IOException {
        forceDirectory(base);
    }

    /**
     * Deletes what the current checkpoint does not use: older catalogs, rows files of other
     * generations and temporary files an interrupted checkpoint left.
     */
    public int removeUnreferenced(long checkpoint, List<CatalogEntry> entries) throws IOException {
        Set<String> keep = new HashSet<>();
        keep.add(catalogFile(checkpoint).getFileName().toString());
        for (CatalogEntry entry : entries) {
            keep.add(tableFile(entry.info().oid(), entry.generation()).getFileName().toString());
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(base)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                boolean ours = name.endsWith(".tmp") || TABLE_FILE.matcher(name).matches()
                        || CATALOG_FILE.matcher(name).matches();
                if (ours && !keep.contains(name)) {
                    Files.delete(file);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            forceDirectory(base);
        }
        return removed + removeOtherRoles(checkpoint);
    }

    /** Deletes the roles files of other checkpoints than the current one. */
    private int removeOtherRoles(long checkpoint) throws IOException {
        String keep = rolesFile(checkpoint).getFileName().toString();
        int removed = 0;
        try (Stream<Path> files = Files.list(global)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (ROLES_FILE.matcher(name).matches() && !name.equals(keep)) {
                    Files.delete(file);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            forceDirectory(global);
        }
        return removed;
    }

    private static void writeHeader(FramedFileWriter writer, int magic, long id) throws IOException {
        RecordBatch out = writer.beginRecord();
        out.writeByte(HEADER);
        out.writeInt(magic);
        out.writeInt(FORMAT_VERSION);
        out.writeVarLong(id);
        writer.endRecord();
    }

    private static void readHeader(FramedFileReader reader, int magic, long id) throws IOException {
        ByteInput in = reader.next();
        if (in == null || in.readByte() != HEADER || in.readInt() != magic) {
            throw reader.corrupt("wrong file header");
        }
        checkVersion(reader, in.readInt());
        long found = in.readVarLong();
        if (found != id) {
            throw reader.corrupt("file is for " + found + ", expected " + id);
        }
    }

    private static void writeEnd(FramedFileWriter writer, long count) throws IOException {
        RecordBatch out = writer.beginRecord();
        out.writeByte(END);
        out.writeVarLong(count);
        writer.endRecord();
    }

    private static void checkEnd(FramedFileReader reader, ByteInput in, long count) throws IOException {
        long expected = in.readVarLong();
        if (expected != count) {
            throw reader.corrupt("holds " + count + " entries, its end record says " + expected);
        }
        if (reader.next() != null) {
            throw reader.corrupt("data after the end record");
        }
    }

    private static void checkVersion(FramedFileReader reader, int version) throws IOException {
        if (version != FORMAT_VERSION) {
            throw reader.corrupt("format version " + version + ", this server reads version " + FORMAT_VERSION);
        }
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Collects rows into records of about 64 KiB. */
    private static final class TableRecords {
        private final FramedFileWriter writer;
        private final RowCodec codec;
        private final ByteOutput rows = new ByteOutput(ROWS_PER_RECORD_BYTES + 1024);
        private long firstId;
        private long previousId;
        private int count;
        private long total;

        TableRecords(FramedFileWriter writer, RowCodec codec) {
            this.writer = writer;
            this.codec = codec;
        }

        void add(long rowId, Object[] row) {
            if (count == 0) {
                firstId = rowId;
                previousId = rowId;
            }
            rows.writeVarLong(rowId - previousId);
            codec.write(rows, row);
            previousId = rowId;
            count++;
            total++;
            if (rows.size() >= ROWS_PER_RECORD_BYTES) {
                try {
                    finish();
                } catch (IOException e) {
                    throw new UncheckedWriteException(e);
                }
            }
        }

        void finish() throws IOException {
            if (count == 0) {
                return;
            }
            RecordBatch out = writer.beginRecord();
            out.writeByte(BODY);
            out.writeVarLong(firstId);
            out.writeVarLong(count);
            out.writeBytes(rows.array(), 0, rows.size());
            writer.endRecord();
            rows.clear();
            count = 0;
        }
    }

    /** Carries a write failure out of a {@link RowSink}, which may not throw checked exceptions. */
    private static final class UncheckedWriteException extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        UncheckedWriteException(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
