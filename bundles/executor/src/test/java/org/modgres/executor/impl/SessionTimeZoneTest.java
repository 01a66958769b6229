package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** A timestamp with time zone is read, truncated and taken apart in the session's TimeZone, as in PostgreSQL. */
class SessionTimeZoneTest {

    private final SqlHarness sql = new SqlHarness();

    @Test
    void input_without_an_offset_and_date_parts_follow_the_session_time_zone() {
        sql.settings.put("timezone", "America/New_York");
        assertEquals(OffsetDateTime.parse("2024-01-01T17:00:00Z").toInstant(),
                ((OffsetDateTime) sql.value("select '2024-01-01 12:00:00'::timestamptz")).toInstant());
        assertEquals(new BigDecimal("7"), sql.value("select extract(hour from '2024-01-01 12:00:00+00'::timestamptz)"));
        assertEquals(LocalDate.parse("2023-12-31"), sql.value("select '2024-01-01 01:00:00+00'::timestamptz::date"));
        sql.settings.put("timezone", "Etc/UTC");
        assertEquals(OffsetDateTime.parse("2024-01-01T12:00:00Z").toInstant(),
                ((OffsetDateTime) sql.value("select '2024-01-01 12:00:00'::timestamptz")).toInstant());
    }
}
