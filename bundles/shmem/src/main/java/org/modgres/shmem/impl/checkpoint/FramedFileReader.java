package org.modgres.shmem.impl.checkpoint;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.modgres.shmem.impl.codec.ByteInput;
import org.modgres.shmem.impl.wal.RecordFraming;

/** Reads a file {@link FramedFileWriter} wrote; any record that does not check is an error, never an end. */
final class FramedFileReader implements AutoCloseable {

    private final Path file;
    private final DataInputStream in;
    private long offset;

    FramedFileReader(Path file) throws IOException {
        this.file = file;
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Returns the next record's payload, or null at the end of the file. */
    ByteInput next() throws IOException {
        byte[] header = new byte[RecordFraming.HEADER_SIZE];
        int n = in.readNBytes(header, 0, header.length);
        if (n == 0) {
            return null;
        }
        if (n < header.length) {
            throw corrupt("incomplete record header");
        }
        int length = RecordFraming.readInt(header, 0);
        if (!RecordFraming.plausibleLength(length)) {
            throw corrupt("invalid record length " + length);
        }
        byte[] framed = new byte[RecordFraming.HEADER_SIZE + length];
        System.arraycopy(header, 0, framed, 0, header.length);
        try {
            in.readFully(framed, header.length, length);
        } catch (EOFException e) {
            throw corrupt("incomplete record of " + length + " bytes");
        }
        if (RecordFraming.checksum(framed, 0, length) != RecordFraming.readInt(header, 4)) {
            throw corrupt("incorrect checksum");
        }
        offset += framed.length;
        return new ByteInput(framed, RecordFraming.HEADER_SIZE, length);
    }

    IOException corrupt(String problem) {
        return new IOException("checkpoint file \"" + file + "\" is damaged: " + problem + " at offset " + offset);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
