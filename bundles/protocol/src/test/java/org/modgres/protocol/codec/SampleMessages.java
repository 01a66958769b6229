package org.modgres.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;

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
import org.modgres.protocol.frontend.Bind;
import org.modgres.protocol.frontend.CancelRequest;
import org.modgres.protocol.frontend.Close;
import org.modgres.protocol.frontend.CopyData;
import org.modgres.protocol.frontend.CopyDone;
import org.modgres.protocol.frontend.CopyFail;
import org.modgres.protocol.frontend.Describe;
import org.modgres.protocol.frontend.Execute;
import org.modgres.protocol.frontend.Flush;
import org.modgres.protocol.frontend.FrontendMessage;
import org.modgres.protocol.frontend.FunctionCall;
import org.modgres.protocol.frontend.GssEncRequest;
import org.modgres.protocol.frontend.Parse;
import org.modgres.protocol.frontend.PasswordMessage;
import org.modgres.protocol.frontend.Query;
import org.modgres.protocol.frontend.SslRequest;
import org.modgres.protocol.frontend.StartupMessage;
import org.modgres.protocol.frontend.StartupPacket;
import org.modgres.protocol.frontend.Sync;
import org.modgres.protocol.frontend.Terminate;

/** One or more instances of every message, shared by the codec tests. */
final class SampleMessages {
    private SampleMessages() {
    }

    static List<StartupPacket> startupPackets() {
        LinkedHashMap<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", "postgres");
        parameters.put("database", "pgcap");
        parameters.put("client_encoding", "UTF8");
        parameters.put("DateStyle", "ISO");
        parameters.put("TimeZone", "Etc/UTC");
        parameters.put("application_name", "tëst ☃");
        return List.of(
                SslRequest.INSTANCE,
                GssEncRequest.INSTANCE,
                new CancelRequest(18600, 0xCAFEBABE),
                new StartupMessage(StartupMessage.PROTOCOL_3_0, parameters),
                new StartupMessage(StartupMessage.PROTOCOL_3_0 | 2, new LinkedHashMap<>()));
    }

    static List<FrontendMessage> regularFrontendMessages() {
        return List.of(
                new Query("select 1; select 'é'"),
                new Query(""),
                new Parse("", "insert into jbatch(id, name) values ($1, $2)", new int[] {23, 1043}),
                new Parse("S_1", "select 1", new int[0]),
                new Bind("", "S_1", new short[] {1, 0}, new byte[][] {{0, 0, 0, 1}, "name1".getBytes(
                        StandardCharsets.UTF_8)}, new short[0]),
                new Bind("C_1", "", new short[] {1}, new byte[][] {null, {}, {1, 2, 3}}, new short[] {1, 1, 1}),
                new Describe('P', ""),
                new Describe('S', "S_1"),
                new Execute("", 0),
                new Execute("C_1", 100),
                new Close('P', "C_1"),
                new Close('S', "S_2"),
                Sync.INSTANCE,
                Flush.INSTANCE,
                new PasswordMessage("secret\0".getBytes(StandardCharsets.UTF_8)),
                new CopyData(new byte[] {'1', '\t', 'a', '\n'}),
                new CopyData(new byte[0]),
                CopyDone.INSTANCE,
                new CopyFail("aborted by user"),
                new FunctionCall(1598, new short[] {0}, new byte[][] {"x".getBytes(StandardCharsets.UTF_8), null},
                        (short) 1),
                Terminate.INSTANCE);
    }

    static List<BackendMessage> backendMessages() {
        return List.of(
                AuthenticationOk.INSTANCE,
                AuthenticationCleartextPassword.INSTANCE,
                new AuthenticationMD5Password(new byte[] {1, 2, 3, 4}),
                new AuthenticationSasl(List.of("SCRAM-SHA-256")),
                new AuthenticationSaslContinue("r=abc,s=def,i=4096".getBytes(StandardCharsets.UTF_8)),
                new AuthenticationSaslFinal("v=xyz".getBytes(StandardCharsets.UTF_8)),
                new ParameterStatus("DateStyle", "ISO, MDY"),
                new BackendKeyData(18600, -5),
                new NegotiateProtocolVersion(0, List.of("_pq_.unknown")),
                ReadyForQuery.IDLE,
                ReadyForQuery.IN_TRANSACTION,
                ReadyForQuery.FAILED_TRANSACTION,
                new RowDescription(List.of(
                        new RowDescription.Field("aid", 16458, (short) 1, 23, (short) 4, -1, (short) 0),
                        new RowDescription.Field("filler", 16458, (short) 4, 1042, (short) -1, 88, (short) 1))),
                new RowDescription(List.of()),
                new DataRow(new byte[][] {"1".getBytes(StandardCharsets.UTF_8), null, {}}),
                new CommandComplete("INSERT 0 1"),
                EmptyQueryResponse.INSTANCE,
                new ErrorResponse(Severity.ERROR, "42P01", "relation \"nope\" does not exist", null, null, 15),
                new ErrorResponse(Severity.FATAL, "08P01", "invalid frontend message type 0", "d", "h", 0),
                new NoticeResponse(Severity.NOTICE, "00000", "table \"jtypes\" does not exist, skipping", null,
                        null, 0),
                ParseComplete.INSTANCE,
                BindComplete.INSTANCE,
                CloseComplete.INSTANCE,
                NoData.INSTANCE,
                PortalSuspended.INSTANCE,
                new ParameterDescription(new int[] {23, 0, 1043}),
                new CopyInResponse(0, new short[] {0, 0, 0}),
                new CopyOutResponse(1, new short[] {1}),
                new org.modgres.protocol.backend.CopyData(new byte[] {'x', '\n'}),
                org.modgres.protocol.backend.CopyDone.INSTANCE);
    }
}
