package org.modgres.api.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** Date and time input; expected values and error texts are PostgreSQL 15.18's. */
class DateTimeInputTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static void assertError(SqlState state, String message, PgType type, String text) {
        PgException e = assertThrows(PgException.class, () -> TextFormat.parse(type, text, ZoneOffset.UTC));
        assertEquals(state, e.sqlState());
        assertEquals(message, e.getMessage());
    }

    private static Instant instant(String text, ZoneId sessionZone) {
        return ((OffsetDateTime) TextFormat.parse(PgType.TIMESTAMPTZ, text, sessionZone)).toInstant();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-01-02|2024-01-02",
        "2024-02-29 +00|2024-02-29",
        "20240102|2024-01-02",
        "1/2/2024|2024-01-02",
        "01/02/24|2024-01-02",
        "1-2-2024|2024-01-02",
        "2024-1-2|2024-01-02",
        "' 2024-01-02 '|2024-01-02",
        "2024-01-02 03:04:05|2024-01-02",
        "0044-03-15 BC|-0043-03-15",
        "4714-11-24 BC|-4713-11-24",
        "5874897-12-31|+5874897-12-31",
        "epoch|1970-01-01",
    })
    void reads_dates(String text, String expected) {
        assertEquals(LocalDate.parse(expected), TextFormat.parse(PgType.DATE, text));
    }

    @Test
    void reads_infinite_dates() {
        assertEquals(LocalDate.MAX, TextFormat.parse(PgType.DATE, "infinity"));
        assertEquals(LocalDate.MIN, TextFormat.parse(PgType.DATE, "-INFINITY"));
    }

    @Test
    void refuses_bad_dates_with_postgresql_messages() {
        assertError(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type date: \"abc\"", PgType.DATE, "abc");
        assertError(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type date: \"5 BC\"", PgType.DATE, "5 BC");
        assertError(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type date: \"\"", PgType.DATE, "");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"2024-02-30\"",
                PgType.DATE, "2024-02-30");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"2024-13-01\"",
                PgType.DATE, "2024-13-01");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"0000-01-01\"",
                PgType.DATE, "0000-01-01");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"4714-11-23 BC\"",
                PgType.DATE, "4714-11-23 BC");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"5874898-01-01\"",
                PgType.DATE, "5874898-01-01");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "03:04:05|03:04:05",
        "03:04|03:04:00",
        "3:4:5.6|03:04:05.6",
        "03:04:05.1234567|03:04:05.123457",
        "00:00:00.5|00:00:00.5",
        "03:04:05+02|03:04:05",
        "2024-01-02 03:04:05.123|03:04:05.123",
        "03:04:05.5 PM|15:04:05.5",
        "3:04 pm|15:04",
        "12:00 am|00:00",
        "12:00 pm|12:00",
        "allballs|00:00",
    })
    void reads_times(String text, String expected) {
        assertEquals(LocalTime.parse(expected), TextFormat.parse(PgType.TIME, text));
    }

    @Test
    void reads_24_00_as_the_end_of_the_day() {
        assertEquals(LocalTime.MAX, TextFormat.parse(PgType.TIME, "24:00:00"));
        assertEquals(LocalTime.MAX, TextFormat.parse(PgType.TIME, "23:59:59.9999999"));
        assertEquals("24:00:00", TextFormat.format(PgType.TIME, TextFormat.parse(PgType.TIME, "24:00")));
    }

    @Test
    void refuses_bad_times() {
        assertError(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type time: \"abc\"", PgType.TIME, "abc");
        assertError(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type time: \"epoch\"",
                PgType.TIME, "epoch");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"24:00:00.1\"",
                PgType.TIME, "24:00:00.1");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"24:01\"",
                PgType.TIME, "24:01");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"13:00 pm\"",
                PgType.TIME, "13:00 pm");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"03:60\"",
                PgType.TIME, "03:60");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-01-02 03:04:05|2024-01-02T03:04:05",
        "2024-01-02 03:04:05+07|2024-01-02T03:04:05",
        "2024-01-02T03:04:05.1234567|2024-01-02T03:04:05.123457",
        "2024-01-02T 03:04:05|2024-01-02T03:04:05",
        "'  2024-01-02  03:04:05  '|2024-01-02T03:04:05",
        "2024-01-02 03:04:05.|2024-01-02T03:04:05",
        "2024-01-02 03:04|2024-01-02T03:04",
        "2024-1-2 3:4|2024-01-02T03:04",
        "2024-01-02|2024-01-02T00:00",
        "2024-01-02 24:00:00|2024-01-03T00:00",
        "2024-01-02 03:04:60|2024-01-02T03:05",
        "2024-01-02 03:04:59.9999999|2024-01-02T03:05",
        "2024-01-02 03:04:05.123456+00|2024-01-02T03:04:05.123456",
        "2024-01-02 03:04:05.5 BC|-2023-01-02T03:04:05.5",
        "2024-01-02 10:00 BC|-2023-01-02T10:00",
        "10000-01-01 00:00|+10000-01-01T00:00",
        "294276-12-31 23:59:59.999999|+294276-12-31T23:59:59.999999",
        "epoch|1970-01-01T00:00",
    })
    void reads_timestamps_ignoring_any_zone(String text, String expected) {
        assertEquals(LocalDateTime.parse(expected), TextFormat.parse(PgType.TIMESTAMP, text));
    }

    @Test
    void refuses_bad_timestamps() {
        assertError(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type timestamp: \"abc\"",
                PgType.TIMESTAMP, "abc");
        assertError(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type timestamp: \"+infinity\"",
                PgType.TIMESTAMP, "+infinity");
        assertError(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type timestamp: \"03:04:05 2024-01-02\"",
                PgType.TIMESTAMP, "03:04:05 2024-01-02");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"2024-01-02 25:00\"",
                PgType.TIMESTAMP, "2024-01-02 25:00");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"294277-01-01\"",
                PgType.TIMESTAMP, "294277-01-01");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"4714-11-23 23:00 BC\"",
                PgType.TIMESTAMP, "4714-11-23 23:00 BC");
    }

    @Test
    void reads_timestamps_with_zone_in_every_offset_form() {
        Instant expected = Instant.parse("2024-01-01T21:34:05Z");
        assertEquals(expected, instant("2024-01-02 03:04:05+05:30", ZoneOffset.UTC));
        assertEquals(expected, instant("2024-01-02 03:04:05 +0530", ZoneOffset.UTC));
        assertEquals(expected, instant("2024-01-02T03:04:05+05:30", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-01-01T21:33:50Z"), instant("2024-01-02 03:04:05 +05:30:15", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-01-02T11:04:05Z"), instant("2024-01-02 03:04:05-08:00:00", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-01-02T06:04:05Z"), instant("2024-01-02 03:04:05 -3", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-01-02T03:04:05.123456Z"), instant("2024-01-02 03:04:05.123456+00", KOLKATA));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), instant("2024-01-02T03:04:05Z", KOLKATA));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), instant("2024-01-02 03:04:05 zulu", KOLKATA));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), instant("2024-01-02 03:04:05 utc", KOLKATA));
        assertEquals(Instant.parse("2024-01-01T21:34:05.123Z"), instant("2024-01-02T03:04:05.123+05:30", KOLKATA));
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), instant("2024-02-29 +00", KOLKATA));
    }

    @Test
    void reads_time_zone_names_without_regard_to_case() {
        assertEquals(Instant.parse("2024-01-02T02:04:05Z"), instant("2024-01-02 03:04:05 europe/paris", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-01-02T08:04:05Z"), instant("2024-01-02 03:04:05 Etc/GMT+5", ZoneOffset.UTC));
    }

    @Test
    void reads_timestamps_without_zone_in_the_session_zone() {
        assertEquals(Instant.parse("2024-01-01T21:34:05Z"), instant("2024-01-02 03:04:05", KOLKATA));
        assertEquals(Instant.parse("1899-12-31T18:38:50Z"), instant("1900-01-01 00:00", KOLKATA));
    }

    @Test
    void reads_local_times_around_daylight_saving_changes_as_postgresql() {
        OffsetDateTime ambiguous = (OffsetDateTime) TextFormat.parse(PgType.TIMESTAMPTZ, "2024-11-03 01:30", NEW_YORK);
        assertEquals(ZoneOffset.ofHours(-5), ambiguous.getOffset());
        OffsetDateTime skipped = (OffsetDateTime) TextFormat.parse(PgType.TIMESTAMPTZ, "2024-03-10 02:30", NEW_YORK);
        assertEquals(OffsetDateTime.parse("2024-03-10T03:30-04:00"), skipped);
    }

    @Test
    void reads_special_timestamptz_words() {
        assertEquals(OffsetDateTime.MAX, TextFormat.parse(PgType.TIMESTAMPTZ, "infinity", KOLKATA));
        assertEquals(OffsetDateTime.MIN, TextFormat.parse(PgType.TIMESTAMPTZ, " -infinity ", KOLKATA));
        assertEquals(Instant.EPOCH, instant("epoch", KOLKATA));
    }

    @Test
    void refuses_bad_timestamptz() {
        assertError(SqlState.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type timestamp with time zone: \"2024-01-02 03:04:05 foo\"",
                PgType.TIMESTAMPTZ, "2024-01-02 03:04:05 foo");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "time zone \"mars/phobos\" not recognized",
                PgType.TIMESTAMPTZ, "2024-01-02 03:04:05 Mars/Phobos");
        assertError(SqlState.DATETIME_FIELD_OVERFLOW,
                "time zone displacement out of range: \"2024-01-02 03:04:05+16\"",
                PgType.TIMESTAMPTZ, "2024-01-02 03:04:05+16");
        assertError(SqlState.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type timestamp with time zone: \"2024-01-02 03:04:05+01 +02\"",
                PgType.TIMESTAMPTZ, "2024-01-02 03:04:05+01 +02");
    }

    @Test
    void round_trips_text_it_prints() {
        OffsetDateTime t = OffsetDateTime.of(-43, 3, 15, 6, 6, 32, 123_000, ZoneOffset.UTC);
        String text = TextFormat.format(PgType.TIMESTAMPTZ, t, KOLKATA);
        assertEquals(t.toInstant(), instant(text, ZoneOffset.UTC));
        LocalDateTime ts = LocalDateTime.of(12_345, 6, 7, 8, 9, 10, 11_000);
        assertEquals(ts, TextFormat.parse(PgType.TIMESTAMP, TextFormat.format(PgType.TIMESTAMP, ts)));
    }
}
