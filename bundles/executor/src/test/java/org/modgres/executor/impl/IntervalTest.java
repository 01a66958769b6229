package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgInterval;

/** interval values, operators, aggregates and functions through the parser, planner and executor, as PostgreSQL 15 computes them. */
class IntervalTest {

    private final SqlHarness sql = new SqlHarness();

    private String text(String query) {
        return String.valueOf(sql.value(query));
    }

    private void assertError(SqlState state, String message, String query) {
        PgException e = assertThrows(PgException.class, () -> sql.query(query));
        assertEquals(state, e.sqlState(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void literalsAndCasts() {
        assertEquals(new PgInterval(0, 1, 0), sql.value("select interval '1 day'"));
        assertEquals(new PgInterval(14, 3, 14_706_789_000L),
                sql.value("select '1 year 2 mons 3 days 04:05:06.789'::interval"));
        assertEquals("-1 days +02:00:00", text("select cast('-1 day +02:00' as interval)"));
        assertEquals("36:00:00", text("select interval '36' hour"));
        assertEquals("2 years", text("select interval '2' year"));
        assertEquals("1 day 02:03:00", sql.value("select cast(interval '1 day 02:03' as text)"));
        assertError(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"abc\"",
                "select 'abc'::interval");
        assertError(SqlState.INTERVAL_FIELD_OVERFLOW, "interval field value out of range: \"1:60\"",
                "select '1:60'::interval");
    }

    @Test
    void timestampArithmeticFollowsTheCalendar() {
        assertEquals(LocalDateTime.of(2020, 2, 29, 10, 0),
                sql.value("select '2020-01-31 10:00'::timestamp + interval '1 month'"));
        assertEquals(LocalDateTime.of(2020, 1, 30, 8, 0),
                sql.value("select '2020-01-31 10:00'::timestamp - interval '1 day 2 hours'"));
        assertEquals(LocalDateTime.of(2020, 2, 29, 0, 0), sql.value("select date '2020-01-31' + interval '1 month'"));
        assertEquals(LocalTime.of(1, 0), sql.value("select '23:00'::time + interval '2 hours'"));
        assertEquals("60 days", text("select '2020-03-01'::timestamp - '2020-01-01'::timestamp"));
        assertEquals("-1 days -12:00:00",
                text("select '2020-01-01 00:00'::timestamp - '2020-01-02 12:00'::timestamp"));
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range",
                "select '294276-12-31'::timestamp + interval '1 day'");
    }

    @Test
    void timestamptzAddsDaysInTheSessionTimeZone() {
        sql.settings.put("timezone", "America/New_York");
        assertEquals(OffsetDateTime.parse("2020-03-08T12:00:00-04:00").toInstant(), ((OffsetDateTime) sql.value(
                "select '2020-03-07 12:00:00-05'::timestamptz + interval '1 day'")).toInstant());
        assertEquals(OffsetDateTime.parse("2020-03-08T13:00:00-04:00").toInstant(), ((OffsetDateTime) sql.value(
                "select '2020-03-07 12:00:00-05'::timestamptz + interval '24 hours'")).toInstant());
        assertEquals("1 day 23:00:00",
                text("select '2020-03-09 12:00:00-04'::timestamptz - '2020-03-07 12:00:00-05'::timestamptz"));
        sql.settings.put("timezone", "Etc/UTC");
        assertEquals(OffsetDateTime.parse("2020-03-08T12:00:00-05:00").toInstant(), ((OffsetDateTime) sql.value(
                "select '2020-03-07 12:00:00-05'::timestamptz + interval '1 day'")).toInstant());
    }

    @Test
    void intervalArithmetic() {
        assertEquals("1 day 02:00:00", text("select interval '1 day' + interval '2 hours'"));
        assertEquals("-1 days -02:00:00", text("select - interval '1 day 02:00'"));
        assertEquals("1 mon 15 days", text("select interval '1 mon' * 1.5"));
        assertEquals("02:00:00", text("select 2 * interval '1 hour'"));
        assertEquals("4 mons 08:00:00", text("select interval '1 year 1 day' / 3"));
        assertError(SqlState.DIVISION_BY_ZERO, "division by zero", "select interval '1 day' / 0");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range",
                "select interval '2147483647 days' + interval '1 day'");
    }

    @Test
    void comparisonsUseThirtyDayMonths() {
        assertEquals(true, sql.value("select interval '1 mon' = interval '30 days'"));
        assertEquals(true, sql.value("select interval '1 day' < interval '25 hours'"));
        assertEquals(false, sql.value("select interval '1 year' < interval '360 days'"));
        sql.update("create table d (id int, v interval)");
        sql.update("insert into d values (1, '1 mon'), (2, '-1 day'), (3, null), (4, '29 days')");
        assertEquals(List.of(List.of(2), List.of(4), List.of(1), java.util.Arrays.asList(3)),
                sql.rows("select id from d order by v"));
        List<List<Object>> aggregates = sql.rows("select sum(v), avg(v), min(v), max(v) from d");
        assertEquals("1 mon 28 days", aggregates.get(0).get(0).toString());
        assertEquals("19 days 08:00:00", aggregates.get(0).get(1).toString());
        assertEquals("-1 days", aggregates.get(0).get(2).toString());
        assertEquals("1 mon", aggregates.get(0).get(3).toString());
        assertNull(sql.value("select sum(v) from d where id > 10"));
        assertEquals(List.of(List.of(1L), List.of(2L)), sql.rows("select count(*) from (values (interval '1 mon'), "
                + "(interval '30 days'), (interval '1 day')) as v(d) group by d order by 1"));
    }

    @Test
    void functions() {
        assertEquals("1 mon 5 days", text("select justify_days(interval '35 days')"));
        assertEquals("2 days 02:00:00", text("select justify_hours(interval '50 hours')"));
        assertEquals("29 days 23:00:00", text("select justify_interval(interval '1 mon -1 hour')"));
        assertEquals("1 year 1 mon 16 days 12:00:00",
                text("select age('2020-03-01'::timestamp, '2019-01-15 12:00'::timestamp)"));
        assertEquals(new BigDecimal("30.500000"), sql.value("select extract(second from interval '1 min 30.5 sec')"));
        assertEquals(new BigDecimal("31644000.000000"), sql.value("select extract(epoch from interval '1 year 1 day')"));
        assertEquals(5.0, sql.value("select date_part('hour', interval '5 hours 3 min')"));
        assertEquals("1 day 05:00:00", text("select date_trunc('hour', interval '1 day 05:43:21')"));
        assertEquals("1 year 2 mons 25 days 05:06:07.5", text("select make_interval(1, 2, 3, 4, 5, 6, 7.5)"));
        assertEquals("10 days", text("select make_interval(days => 10)"));
        assertError(SqlState.FEATURE_NOT_SUPPORTED, "unit \"dow\" not supported for type interval",
                "select extract(dow from interval '1 day')");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "unit \"fortnight\" not recognized for type interval",
                "select date_trunc('fortnight', interval '1 day')");
    }
}
