package org.modgres.api.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * interval input and output against PostgreSQL 15: {@code interval-text-pg15.tsv} holds, per
 * line, the text given to {@code '...'::interval}, what psql printed and the SQLSTATE of an error.
 */
class IntervalTest {

    record Case(String input, String output, String sqlState) {
        @Override
        public String toString() {
            return "'" + input + "'";
        }
    }

    static Stream<Case> recordedCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                IntervalTest.class.getResourceAsStream("interval-text-pg15.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split("\t", -1);
                cases.add(new Case(parts[0], parts[1], parts[2].replace("ERROR:  ", "")));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("recordedCases")
    void readsAndPrintsAsPostgres(Case c) {
        if (c.sqlState().isEmpty()) {
            PgInterval value = (PgInterval) TextFormat.parse(PgType.INTERVAL, c.input());
            assertEquals(c.output(), TextFormat.format(PgType.INTERVAL, value));
            assertEquals(value, TextFormat.parse(PgType.INTERVAL, c.output()), "output reads back");
        } else {
            PgException e = assertThrows(PgException.class, () -> TextFormat.parse(PgType.INTERVAL, c.input()));
            assertEquals(c.sqlState(), e.sqlState().code());
            assertEquals(c.output(), "ERROR:  " + e.getMessage());
        }
    }

    @Test
    void binaryIsTimeDaysMonths() {
        HexFormat hex = HexFormat.of();
        PgInterval value = (PgInterval) TextFormat.parse(PgType.INTERVAL, "1 year 2 mons 3 days 04:05:06.789");
        assertArrayEquals(hex.parseHex("000000036c97ca88000000030000000e"), BinaryFormat.encode(PgType.INTERVAL, value));
        assertEquals(value, BinaryFormat.decode(PgType.INTERVAL, hex.parseHex("000000036c97ca88000000030000000e")));
        assertEquals(new PgInterval(0, -1, 7_200_000_000L),
                BinaryFormat.decode(PgType.INTERVAL, hex.parseHex("00000001ad274800ffffffff00000000")));
        assertThrows(PgException.class, () -> BinaryFormat.decode(PgType.INTERVAL, new byte[8]));
    }

    @Test
    void comparesWithThirtyDayMonthsAndDayLongDays() {
        PgInterval month = new PgInterval(1, 0, 0);
        PgInterval thirtyDays = new PgInterval(0, 30, 0);
        assertEquals(0, month.compareTo(thirtyDays));
        assertTrue(month.sameSpan(thirtyDays));
        assertEquals(month.spanHash(), thirtyDays.spanHash());
        assertEquals(0, new PgInterval(0, 1, 0).compareTo(PgInterval.ofMicroseconds(PgInterval.MICROS_PER_DAY)));
        assertTrue(new PgInterval(0, 0, -1).compareTo(PgInterval.ZERO) < 0);
        assertTrue(new PgInterval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE)
                .compareTo(new PgInterval(Integer.MIN_VALUE, 0, 0)) > 0);
    }

    /** Results of PostgreSQL 15's interval operators and justify functions. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 mon|*|1.5|1 mon 15 days",
        "1 day|*|1.5|1 day 12:00:00",
        "1 year 1 day|/|3|4 mons 08:00:00",
        "01:00:00|/|7|00:08:34.285714",
        "1 mon|/|-2|-15 days",
        "-1 days +02:00:00|*|-1|1 day -02:00:00",
    })
    void multipliesAndDivides(String interval, String op, double factor, String expected) {
        PgInterval value = (PgInterval) TextFormat.parse(PgType.INTERVAL, interval);
        PgInterval result = op.equals("*") ? value.multiply(factor) : value.divide(factor);
        assertEquals(expected, result.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "35 days 27:00:00|1 mon 5 days 27:00:00|36 days 03:00:00|1 mon 6 days 03:00:00",
        "-35 days 27:00:00|-1 mons -5 days +27:00:00|-33 days -21:00:00|-1 mons -3 days -21:00:00",
        "1 mon -1 days|29 days|1 mon -1 days|29 days",
        "1 mon -1 hours|1 mon -01:00:00|1 mon -01:00:00|29 days 23:00:00",
    })
    void justifies(String interval, String days, String hours, String both) {
        PgInterval value = (PgInterval) TextFormat.parse(PgType.INTERVAL, interval);
        assertEquals(days, value.justifyDays().toString());
        assertEquals(hours, value.justifyHours().toString());
        assertEquals(both, value.justifyInterval().toString());
    }

    @Test
    void divisionByZeroAndOverflow() {
        PgException zero = assertThrows(PgException.class, () -> new PgInterval(1, 0, 0).divide(0));
        assertEquals(SqlState.DIVISION_BY_ZERO, zero.sqlState());
        PgException overflow = assertThrows(PgException.class,
                () -> new PgInterval(Integer.MAX_VALUE, 0, 0).plus(new PgInterval(1, 0, 0)));
        assertEquals("interval out of range", overflow.getMessage());
        assertEquals(SqlState.DATETIME_FIELD_OVERFLOW, overflow.sqlState());
    }
}
