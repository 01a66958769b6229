package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.session.impl.ServerMessage.Field;

/** Result and parameter formats chosen in Bind. */
class BinaryFormatProtocolTest {

    private static final short[] NONE = new short[0];
    private static final short[] BINARY = {1};

    private BackendFixture fixture;
    private PgTestClient client;

    @BeforeEach
    void connect() throws Exception {
        fixture = BackendFixture.start();
        client = fixture.client;
        client.query("create table t(id int, big bigint, name text); "
                + "insert into t values (1, 10000000000, 'a'), (-2, null, 'b')").expect("CCZ");
    }

    @AfterEach
    void disconnect() throws Exception {
        fixture.close();
    }

    @Test
    void one_binary_format_applies_to_every_column() {
        var m = client.parse("", "select id, big from t order by id desc")
                .bind("", "", NONE, new byte[0][], BINARY).describePortal("").execute("", 0).sync()
                .expect("12TDDCZ");
        List<Field> fields = m.get(2).fields();
        assertEquals(List.of(23, 20), fields.stream().map(Field::typeOid).toList());
        assertEquals(List.of((short) 1, (short) 1), fields.stream().map(Field::format).toList());
        assertArrayEquals(int4(1), m.get(3).values().get(0));
        assertArrayEquals(ByteBuffer.allocate(8).putLong(10_000_000_000L).array(), m.get(3).values().get(1));
        assertArrayEquals(int4(-2), m.get(4).values().get(0));
        assertNull(m.get(4).values().get(1));
    }

    @Test
    void formats_per_column() {
        var m = client.parse("", "select id, name from t where id = 1")
                .bind("", "", NONE, new byte[0][], new short[] {1, 0}).describePortal("").execute("", 0).sync()
                .expect("12TDCZ");
        assertEquals(List.of((short) 1, (short) 0), m.get(2).fields().stream().map(Field::format).toList());
        assertArrayEquals(int4(1), m.get(3).values().get(0));
        assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), m.get(3).values().get(1));
    }

    @Test
    void binary_int4_parameter() {
        var m = client.parse("", "select name from t where id = $1")
                .bind("", "", BINARY, new byte[][] {int4(-2)}, NONE).execute("", 0).sync().expect("12DCZ");
        assertEquals(List.of("b"), m.get(2).texts());
    }

    @Test
    void parameter_formats_per_parameter() {
        var m = client.parse("", "insert into t values ($1, $2, $3)")
                .bind("", "", new short[] {1, 0, 0}, new byte[][] {int4(3), "30".getBytes(StandardCharsets.UTF_8),
                        "c".getBytes(StandardCharsets.UTF_8)}, NONE)
                .execute("", 0).sync().expect("12CZ");
        assertEquals("INSERT 0 1", m.get(2).tag());
        var row = client.query("select big, name from t where id = 3").expect("TDCZ");
        assertEquals(List.of("30", "c"), row.get(1).texts());
    }

    private static byte[] int4(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
