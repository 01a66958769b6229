package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** date_trunc, extract, date_part, to_char, to_timestamp, to_date, make_date and pg_typeof, as PostgreSQL 15 has them. */
class DateTimeFunctionTest {

    private static final String TS = "cast('2024-05-17 10:11:12.5' as timestamp)";

    private final SqlHarness sql = new SqlHarness();

    private void assertError(SqlState state, String message, String query) {
        PgException e = assertThrows(PgException.class, () -> sql.query(query));
        assertEquals(state, e.sqlState(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void dateTruncKeepsTheType() {
        assertEquals(LocalDateTime.of(2024, 5, 1, 0, 0), sql.value("select date_trunc('month', " + TS + ")"));
        assertEquals(LocalDateTime.of(2024, 5, 13, 0, 0), sql.value("select date_trunc('week', " + TS + ")"));
        assertEquals(LocalDateTime.of(2024, 4, 1, 0, 0), sql.value("select date_trunc('quarter', " + TS + ")"));
        assertEquals(LocalDateTime.of(2001, 1, 1, 0, 0), sql.value("select date_trunc('century', " + TS + ")"));
        assertEquals(LocalDateTime.of(2024, 5, 17, 10, 11, 12), sql.value("select date_trunc('seconds', " + TS + ")"));
        assertError(SqlState.INVALID_PARAMETER_VALUE,
                "unit \"fortnight\" not recognized for type timestamp without time zone",
                "select date_trunc('fortnight', " + TS + ")");
    }

    @Test
    void extractIsNumericAndDatePartDouble() {
        assertEquals(new BigDecimal("2024"), sql.value("select extract(year from " + TS + ")"));
        assertEquals(new BigDecimal("12.500000"), sql.value("select extract(second from " + TS + ")"));
        assertEquals(new BigDecimal("12500.000"), sql.value("select extract(milliseconds from " + TS + ")"));
        assertEquals(new BigDecimal("1715940672.500000"), sql.value("select extract(epoch from " + TS + ")"));
        assertEquals(new BigDecimal("20"), sql.value("select extract(week from " + TS + ")"));
        assertEquals(new BigDecimal("0"), sql.value("select extract(dow from cast('2024-05-19' as date))"));
        assertEquals(new BigDecimal("7"), sql.value("select extract(isodow from cast('2024-05-19' as date))"));
        assertEquals(new BigDecimal("2020"), sql.value("select extract(isoyear from cast('2021-01-01' as date))"));
        assertEquals(new BigDecimal("2460448"), sql.value("select extract(julian from cast('2024-05-17' as date))"));
        assertEquals(12.5, sql.value("select date_part('second', " + TS + ")"));
        assertEquals(0.0, sql.value("select date_part('hour', cast('2024-05-17' as date))"));
        assertNull(sql.value("select extract(year from cast(null as timestamp))"));
        assertError(SqlState.FEATURE_NOT_SUPPORTED, "unit \"hour\" not supported for type date",
                "select extract(hour from cast('2024-05-17' as date))");
    }

    @Test
    void toCharPrintsTemplatePatterns() {
        String ts = "cast('2024-05-07 14:05:09.1234' as timestamp)";
        assertEquals("2024-05-07 14:05:09", sql.value("select to_char(" + ts + ", 'YYYY-MM-DD HH24:MI:SS')"));
        assertEquals("24 05 07 02 02 123 123400", sql.value("select to_char(" + ts + ", 'YY MM DD HH HH12 MS US')"));
        assertEquals("02:05 PM pm p.m. P.M.", sql.value("select to_char(" + ts + ", 'HH:MI AM pm a.m. P.M.')"));
        assertEquals("May MAY may May       MAY       Tuesday   TUESDAY   Tue tue 3 128 19",
                sql.value("select to_char(" + ts + ", 'Mon MON mon Month MONTH Day DAY Dy dy D DDD IW')"));
        assertEquals("May Tuesday 7", sql.value("select to_char(" + ts + ", 'FMMonth FMDay FMDD')"));
        assertEquals("Year: 2024 Q2", sql.value("select to_char(" + ts + ", '\"Year:\" YYYY \"Q\"Q')"));
        assertEquals(" 123.45", sql.value("select to_char(123.45, '999.99')"));
        assertEquals("-123.45", sql.value("select to_char(-123.45, '999.99')"));
        assertEquals("  .50", sql.value("select to_char(0.5, '9.99')"));
        assertEquals(" 1,234,567", sql.value("select to_char(1234567, '9,999,999')"));
        assertEquals(" <12>", sql.value("select to_char(-12, '999PR')"));
        assertEquals(" ###", sql.value("select to_char(12345, '999')"));
        assertEquals("1,234.50", sql.value("select to_char(1234.5, 'FM9,999.00')"));
    }

    @Test
    void parsesAndMakesDates() {
        assertEquals(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant(),
                ((OffsetDateTime) sql.value("select to_timestamp(0)")).toInstant());
        assertEquals(LocalDateTime.of(2024, 5, 17, 14, 30), ((OffsetDateTime) sql.value(
                "select to_timestamp('2024 May 17 02:30 PM', 'YYYY Mon DD HH12:MI AM')")).atZoneSameInstant(
                java.time.ZoneId.systemDefault()).toLocalDateTime());
        assertEquals(LocalDate.of(2024, 5, 17), sql.value("select to_date('20240517', 'YYYYMMDD')"));
        assertEquals(LocalDate.of(2024, 5, 17), sql.value("select to_date('17 May 2024', 'DD Mon YYYY')"));
        assertEquals(LocalDate.of(2024, 5, 17), sql.value("select make_date(2024, 5, 17)"));
        assertEquals(LocalDateTime.of(2024, 5, 17, 10, 11, 12, 500_000_000),
                sql.value("select make_timestamp(2024, 5, 17, 10, 11, 12.5)"));
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date field value out of range: 2024-02-30",
                "select make_date(2024, 2, 30)");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"2024-13-01\"",
                "select to_date('2024-13-01', 'YYYY-MM-DD')");
        assertError(SqlState.INVALID_DATETIME_FORMAT, "invalid value \"abc\" for \"YYYY\"",
                "select to_timestamp('abc', 'YYYY')");
    }

    @Test
    void typeOfNamesTheArgumentsType() {
        assertEquals("integer", sql.value("select pg_typeof(1)"));
        assertEquals("unknown", sql.value("select pg_typeof('a')"));
        assertEquals("text", sql.value("select pg_typeof(cast('a' as text))"));
        assertEquals("numeric", sql.value("select pg_typeof(1.5)"));
        assertEquals("timestamp with time zone", sql.value("select pg_typeof(now())"));
        assertEquals("character varying", sql.value("select pg_typeof(cast('a' as varchar(3)))"));
        assertEquals("integer[]", sql.value("select pg_typeof(array[1, 2])"));
        assertEquals("double precision", sql.value("select pg_typeof(random())"));
    }
}
