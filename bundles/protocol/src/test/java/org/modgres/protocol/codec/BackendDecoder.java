package org.modgres.protocol.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.Severity;
import org.modgres.protocol.backend.AuthenticationCleartextPassword;
import org.modgres.protocol.backend.AuthenticationMD5Password;
import org.modgres.protocol.backend.AuthenticationOk;
import org.modgres.protocol.backend.AuthenticationSasl;
import org.modgres.protocol.backend.AuthenticationSaslContinue;
import org.modgres.protocol.backend.AuthenticationSaslFinal;
import org.modgres.protocol.backend.BackendKeyData;
import org.modgres.protocol.backend.BackendMessage;
import org.modgres.protocol.backend.BindComplete;
import org.modgres.protocol.backend.CloseComplete;
import org.modgres.protocol.backend.CommandComplete;
import org.modgres.protocol.backend.CopyData;
import org.modgres.protocol.backend.CopyDone;
import org.modgres.protocol.backend.CopyInResponse;
import org.modgres.protocol.backend.CopyOutResponse;
import org.modgres.protocol.backend.DataRow;
import org.modgres.protocol.backend.EmptyQueryResponse;
import org.modgres.protocol.backend.ErrorResponse;
import org.modgres.protocol.backend.NegotiateProtocolVersion;
import org.modgres.protocol.backend.NoData;
import org.modgres.protocol.backend.NoticeResponse;
import org.modgres.protocol.backend.ParameterDescription;
import org.modgres.protocol.backend.ParameterStatus;
import org.modgres.protocol.backend.ParseComplete;
import org.modgres.protocol.backend.PortalSuspended;
import org.modgres.protocol.backend.ReadyForQuery;
import org.modgres.protocol.backend.RowDescription;

/** The client side of the codec, for tests only: decodes what the server sent, as a client would. */
final class BackendDecoder {
    private BackendDecoder() {
    }

    static List<BackendMessage> decodeAll(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        List<BackendMessage> messages = new ArrayList<>();
        while (true) {
            int type = in.read();
            if (type < 0) {
                return messages;
            }
            int length = in.readInt();
            byte[] body = new byte[length - 4];
            in.readFully(body);
            DataInputStream b = new DataInputStream(new ByteArrayInputStream(body));
            messages.add(decode((char) type, b));
            if (b.available() != 0) {
                throw new IOException("bytes left over in message " + (char) type);
            }
        }
    }

    private static BackendMessage decode(char type, DataInputStream in) throws IOException {
        return switch (type) {
            case 'R' -> authentication(in);
            case 'S' -> new ParameterStatus(cstring(in), cstring(in));
            case 'K' -> new BackendKeyData(in.readInt(), in.readInt());
            case 'v' -> negotiate(in);
            case 'Z' -> new ReadyForQuery((char) in.readByte());
            case 'T' -> rowDescription(in);
            case 'D' -> dataRow(in);
            case 'C' -> new CommandComplete(cstring(in));
            case 'I' -> EmptyQueryResponse.INSTANCE;
            case 'E', 'N' -> errorFields(type, in);
            case '1' -> ParseComplete.INSTANCE;
            case '2' -> BindComplete.INSTANCE;
            case '3' -> CloseComplete.INSTANCE;
            case 'n' -> NoData.INSTANCE;
            case 's' -> PortalSuspended.INSTANCE;
            case 't' -> parameterDescription(in);
            case 'G' -> new CopyInResponse(in.readByte(), shorts(in));
            case 'H' -> new CopyOutResponse(in.readByte(), shorts(in));
            case 'd' -> new CopyData(in.readAllBytes());
            case 'c' -> CopyDone.INSTANCE;
            default -> throw new IOException("unknown backend message type " + type);
        };
    }

    private static BackendMessage authentication(DataInputStream in) throws IOException {
        int code = in.readInt();
        return switch (code) {
            case 0 -> AuthenticationOk.INSTANCE;
            case 3 -> AuthenticationCleartextPassword.INSTANCE;
            case 5 -> new AuthenticationMD5Password(in.readNBytes(4));
            case 10 -> {
                List<String> mechanisms = new ArrayList<>();
                for (String m = cstring(in); !m.isEmpty(); m = cstring(in)) {
                    mechanisms.add(m);
                }
                yield new AuthenticationSasl(mechanisms);
            }
            case 11 -> new AuthenticationSaslContinue(in.readAllBytes());
            case 12 -> new AuthenticationSaslFinal(in.readAllBytes());
            default -> throw new IOException("unknown authentication code " + code);
        };
    }

    private static BackendMessage negotiate(DataInputStream in) throws IOException {
        int version = in.readInt();
        int count = in.readInt();
        List<String> options = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            options.add(cstring(in));
        }
        return new NegotiateProtocolVersion(version & 0xffff, options);
    }

    private static BackendMessage rowDescription(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        List<RowDescription.Field> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fields.add(new RowDescription.Field(cstring(in), in.readInt(), in.readShort(), in.readInt(),
                    in.readShort(), in.readInt(), in.readShort()));
        }
        return new RowDescription(fields);
    }

    private static BackendMessage dataRow(DataInputStream in) throws IOException {
        byte[][] values = new byte[in.readUnsignedShort()][];
        for (int i = 0; i < values.length; i++) {
            int length = in.readInt();
            values[i] = length == -1 ? null : in.readNBytes(length);
        }
        return new DataRow(values);
    }

    private static BackendMessage errorFields(char type, DataInputStream in) throws IOException {
        Map<Character, String> fields = new HashMap<>();
        for (int code = in.readByte(); code != 0; code = in.readByte()) {
            fields.put((char) code, cstring(in));
        }
        if (!fields.get('S').equals(fields.get('V'))) {
            throw new IOException("S and V differ: " + fields);
        }
        Severity severity = Severity.valueOf(fields.get('V'));
        int position = fields.containsKey('P') ? Integer.parseInt(fields.get('P')) : 0;
        return type == 'E'
                ? new ErrorResponse(severity, fields.get('C'), fields.get('M'), fields.get('D'), fields.get('H'), position)
                : new NoticeResponse(severity, fields.get('C'), fields.get('M'), fields.get('D'), fields.get('H'),
                        position);
    }

    private static BackendMessage parameterDescription(DataInputStream in) throws IOException {
        int[] oids = new int[in.readUnsignedShort()];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = in.readInt();
        }
        return new ParameterDescription(oids);
    }

    private static short[] shorts(DataInputStream in) throws IOException {
        short[] values = new short[in.readUnsignedShort()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readShort();
        }
        return values;
    }

    private static String cstring(DataInputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new EOFException("unterminated string");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
