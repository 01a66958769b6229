package org.modgres.executor.impl.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

class CastsTest {

    private static Object assign(Object value, ColumnType type) {
        return Casts.cast(value, TargetType.of(type), true);
    }

    @Test
    void assignmentBringsValuesToTheColumnsClass() {
        assertEquals(5L, assign(5, ColumnType.of(PgType.INT8)));
        assertEquals((short) 5, assign(5L, ColumnType.of(PgType.INT2)));
        assertEquals(new BigDecimal("2.50"), assign(2.5, ColumnType.numeric(4, 2)));
        assertEquals(2.5f, assign(new BigDecimal("2.5"), ColumnType.of(PgType.FLOAT4)));
        assertEquals("ab  ", assign("ab", ColumnType.ofLength(PgType.BPCHAR, 4)));
        assertNull(assign(null, ColumnType.of(PgType.INT4)));
    }

    @Test
    void assignmentRefusesTooLongStrings() {
        PgException e = assertThrows(PgException.class, () -> assign("abcd", ColumnType.ofLength(PgType.VARCHAR, 3)));
        assertEquals(SqlState.STRING_DATA_RIGHT_TRUNCATION, e.sqlState());
        assertEquals("value too long for type character varying(3)", e.getMessage());
        e = assertThrows(PgException.class, () -> assign("abcde", ColumnType.ofLength(PgType.BPCHAR, 2)));
        assertEquals("value too long for type character(2)", e.getMessage());
        assertEquals("abc", assign("abc  ", ColumnType.ofLength(PgType.VARCHAR, 3)));
    }

    @Test
    void explicitCastsTruncate() {
        assertEquals("ab", Casts.cast("abcd", new TargetType(ValueType.VARCHAR, 2, -1, -1), false));
        assertEquals("x🙂", Casts.cast("x🙂yz", new TargetType(ValueType.VARCHAR, 2, -1, -1), false));
    }

    @Test
    void textInput() {
        assertEquals(true, Casts.cast(" On ", TargetType.of(ValueType.BOOL), false));
        assertEquals(false, Casts.cast("f", TargetType.of(ValueType.BOOL), false));
        assertEquals("invalid input syntax for type boolean: \"maybe\"", assertThrows(PgException.class,
                () -> Casts.cast("maybe", TargetType.of(ValueType.BOOL), false)).getMessage());
        assertEquals("invalid input syntax for type numeric: \"1.2.3\"", assertThrows(PgException.class,
                () -> Casts.cast("1.2.3", TargetType.of(ValueType.NUMERIC), false)).getMessage());
        assertEquals(Double.POSITIVE_INFINITY, Casts.cast("Infinity", TargetType.of(ValueType.DOUBLE), false));
        assertEquals("\"1e400\" is out of range for type double precision", assertThrows(PgException.class,
                () -> Casts.cast("1e400", TargetType.of(ValueType.DOUBLE), false)).getMessage());
        assertEquals(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                Casts.cast("{a0eebc999c0b4ef8bb6d6bb9bd380a11}", TargetType.of(ValueType.UUID), false));
        assertArrayEquals(new byte[] {1, 2, -1}, (byte[]) Casts.cast("\\x0102ff", TargetType.of(ValueType.BYTEA), false));
        PgException e = assertThrows(PgException.class,
                () -> Casts.cast("2023-02-30", TargetType.of(ValueType.DATE), false));
        assertEquals(SqlState.DATETIME_FIELD_OVERFLOW, e.sqlState());
    }
}
