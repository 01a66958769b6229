package org.modgres.api.type;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Reads date/time input the way PostgreSQL's {@code datetime.c} does for the forms clients send:
 * ISO dates ({@code 2024-01-02}, {@code 20240102}) and, as with {@code DateStyle} MDY,
 * {@code 1/2/2024}; times {@code hh:mm[:ss[.fraction]]} with AM/PM; a space or {@code T} between
 * date and time; zones as {@code Z}, {@code +hh}, {@code +hh:mm}, {@code +hhmm}, {@code +hh:mm:ss}
 * or a time zone name; {@code BC}; and the words infinity, -infinity, epoch, now, today, tomorrow,
 * yesterday and allballs. Month names and other DateStyle orders are not read. Fractions beyond
 * microseconds are rounded.
 */
final class DateTimeParser {
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{3,})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern MDY_DATE = Pattern.compile("(\\d{1,2})[-/](\\d{1,2})[-/](\\d+)");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?([+-]\\d{1,2}(?::?\\d{2}(?::?\\d{2})?)?|[zZ])?");
    private static final Pattern NUMERIC_ZONE = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2})(?::?(\\d{2}))?)?");
    private static final Pattern ZONE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_/+-]*");
    private static final Pattern T_SEPARATOR = Pattern.compile("(?<=\\d)[Tt](?=\\s*\\d)");
    private static final int MAX_ZONE_HOURS = 15;

    /** The types this parser reads, with the names PostgreSQL's messages use. */
    enum Target {
        DATE("date"), TIME("time"), TIMESTAMP("timestamp"), TIMESTAMPTZ("timestamp with time zone");

        final String sqlName;

        Target(String sqlName) {
            this.sqlName = sqlName;
        }
    }

    private final String text;
    private final Target target;
    private final ZoneId sessionZone;
    private LocalDate date;
    private Long microsOfDay;
    private ZoneId zone;
    private boolean bc;
    private String amPm;

    private DateTimeParser(String text, Target target, ZoneId sessionZone) {
        this.text = text;
        this.target = target;
        this.sessionZone = sessionZone;
    }

    static LocalDate date(String text, ZoneId sessionZone) {
        DateTimeParser p = new DateTimeParser(text, Target.DATE, sessionZone);
        String word = word(text);
        LocalDate special = switch (word) {
            case "infinity" -> LocalDate.MAX;
            case "-infinity" -> LocalDate.MIN;
            case "epoch" -> LocalDate.EPOCH;
            case "now", "today" -> LocalDate.now(sessionZone);
            case "tomorrow" -> LocalDate.now(sessionZone).plusDays(1);
            case "yesterday" -> LocalDate.now(sessionZone).minusDays(1);
            default -> null;
        };
        if (special != null) {
            return special;
        }
        p.readFields();
        LocalDate d = p.requireDate();
        if (!PgDateTimes.inRange(d)) {
            throw p.error(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + text + "\"");
        }
        return d;
    }

    static LocalTime time(String text, ZoneId sessionZone) {
        DateTimeParser p = new DateTimeParser(text, Target.TIME, sessionZone);
        switch (word(text)) {
            case "allballs" -> {
                return LocalTime.MIDNIGHT;
            }
            case "now" -> {
                return PgDateTimes.roundToMicros(LocalDateTime.now(sessionZone)).toLocalTime();
            }
            default -> p.readFields();
        }
        if (p.microsOfDay == null) {
            throw p.syntaxError();
        }
        return PgDateTimes.timeOfMicros(p.microsOfDay);
    }

    static LocalDateTime timestamp(String text, ZoneId sessionZone) {
        DateTimeParser p = new DateTimeParser(text, Target.TIMESTAMP, sessionZone);
        LocalDateTime special = p.specialTimestamp();
        if (special != null) {
            return special;
        }
        p.readFields();
        LocalDateTime t = p.localDateTime();
        if (!PgDateTimes.inRange(t)) {
            throw p.error(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + text + "\"");
        }
        return t;
    }

    static OffsetDateTime timestamptz(String text, ZoneId sessionZone) {
        DateTimeParser p = new DateTimeParser(text, Target.TIMESTAMPTZ, sessionZone);
        String word = word(text);
        if (word.equals("infinity")) {
            return OffsetDateTime.MAX;
        }
        if (word.equals("-infinity")) {
            return OffsetDateTime.MIN;
        }
        if (word.equals("epoch")) {
            return OffsetDateTime.of(LocalDateTime.of(1970, 1, 1, 0, 0), ZoneOffset.UTC);
        }
        LocalDateTime local = p.specialTimestamp();
        if (local == null) {
            p.readFields();
            local = p.localDateTime();
        }
        ZoneId z = p.zone != null ? p.zone : sessionZone;
        // SPEC (datatype-datetime): a local time that a DST change makes ambiguous is read with the
        // offset in force after the change; one inside a gap moves forward by the gap.
        OffsetDateTime t = ZonedDateTime.ofLocal(local, z, null).withLaterOffsetAtOverlap().toOffsetDateTime();
        if (!PgDateTimes.inRange(PgDateTimes.utc(t))) {
            throw p.error(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + text + "\"");
        }
        return t;
    }

    private static String word(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private LocalDateTime specialTimestamp() {
        return switch (word(text)) {
            case "infinity" -> LocalDateTime.MAX;
            case "-infinity" -> LocalDateTime.MIN;
            case "epoch" -> LocalDateTime.of(1970, 1, 1, 0, 0);
            case "now" -> PgDateTimes.roundToMicros(LocalDateTime.now(sessionZone));
            case "today" -> LocalDate.now(sessionZone).atStartOfDay();
            case "tomorrow" -> LocalDate.now(sessionZone).plusDays(1).atStartOfDay();
            case "yesterday" -> LocalDate.now(sessionZone).minusDays(1).atStartOfDay();
            default -> null;
        };
    }

    private LocalDateTime localDateTime() {
        LocalDate d = requireDate();
        long micros = microsOfDay == null ? 0 : microsOfDay;
        return d.atStartOfDay().plusNanos(micros * 1000);
    }

    private LocalDate requireDate() {
        if (date == null) {
            throw syntaxError();
        }
        if (bc) {
            return date.withYear(1 - date.getYear());
        }
        return date;
    }

    private void readFields() {
        String s = T_SEPARATOR.matcher(text.strip()).replaceFirst(" ");
        if (s.isEmpty()) {
            throw syntaxError();
        }
        for (String token : s.split("\\s+")) {
            readToken(token);
        }
        if (amPm != null) {
            applyAmPm();
        }
    }

    private void readToken(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        Matcher m;
        if (lower.equals("bc") || lower.equals("ad")) {
            bc = lower.equals("bc");
        } else if (lower.equals("am") || lower.equals("pm")) {
            once(amPm);
            amPm = lower;
        } else if ((m = ISO_DATE.matcher(token)).matches() || (m = COMPACT_DATE.matcher(token)).matches()) {
            setDate(m.group(1), m.group(2), m.group(3));
        } else if ((m = MDY_DATE.matcher(token)).matches()) {
            setDate(twoDigitYear(m.group(3)), m.group(1), m.group(2));
        } else if ((m = TIME.matcher(token)).matches()) {
            setTime(m);
            if (m.group(5) != null) {
                setZone(m.group(5));
            }
        } else if (NUMERIC_ZONE.matcher(token).matches() || ZONE_NAME.matcher(token).matches()) {
            setZone(token);
        } else {
            throw syntaxError();
        }
    }

    private void setDate(String year, String month, String day) {
        once(date);
        if (microsOfDay != null) {
            // PostgreSQL wants the date before the time.
            throw syntaxError();
        }
        try {
            int y = Integer.parseInt(year);
            if (y == 0) {
                throw fieldOutOfRange();
            }
            date = LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            throw fieldOutOfRange();
        }
    }

    /** As PostgreSQL does, reads a year written with one or two digits as 1970 to 2069. */
    private static String twoDigitYear(String year) {
        if (year.length() > 2) {
            return year;
        }
        int y = Integer.parseInt(year);
        return Integer.toString(y < 70 ? 2000 + y : 1900 + y);
    }

    private void setTime(Matcher m) {
        once(microsOfDay);
        long hour = Long.parseLong(m.group(1));
        long minute = Long.parseLong(m.group(2));
        long second = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        if (minute > 59 || second > 60) {
            throw fieldOutOfRange();
        }
        long micros = ((hour * 60 + minute) * 60 + second) * 1_000_000 + fractionMicros(m.group(4));
        if (micros > PgDateTimes.MICROS_PER_DAY) {
            throw fieldOutOfRange();
        }
        microsOfDay = micros;
    }

    private static long fractionMicros(String digits) {
        if (digits == null || digits.isEmpty()) {
            return 0;
        }
        String six = (digits + "000000").substring(0, 6);
        long micros = Long.parseLong(six);
        return digits.length() > 6 && digits.charAt(6) >= '5' ? micros + 1 : micros;
    }

    private void applyAmPm() {
        if (microsOfDay == null) {
            throw syntaxError();
        }
        long hourMicros = 3_600_000_000L;
        long hour = microsOfDay / hourMicros;
        if (hour > 12) {
            throw fieldOutOfRange();
        }
        if (amPm.equals("am") && hour == 12) {
            microsOfDay -= 12 * hourMicros;
        } else if (amPm.equals("pm") && hour < 12) {
            microsOfDay += 12 * hourMicros;
        }
    }

    private void setZone(String token) {
        once(zone);
        Matcher m = NUMERIC_ZONE.matcher(token);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int seconds = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            if (minutes > 59 || seconds > 59) {
                throw fieldOutOfRange();
            }
            if (hours > MAX_ZONE_HOURS) {
                // PostgreSQL reports 22009 (invalid_time_zone_displacement_value), which SqlState lacks.
                throw error(SqlState.DATETIME_FIELD_OVERFLOW, "time zone displacement out of range: \"" + text + "\"");
            }
            int total = (hours * 3600 + minutes * 60 + seconds) * (m.group(1).equals("-") ? -1 : 1);
            zone = ZoneOffset.ofTotalSeconds(total);
            return;
        }
        zone = ZoneNames.find(token);
        if (zone == null) {
            if (token.indexOf('/') >= 0) {
                throw error(SqlState.INVALID_PARAMETER_VALUE,
                        "time zone \"" + token.toLowerCase(Locale.ROOT) + "\" not recognized");
            }
            throw syntaxError();
        }
    }

    private void once(Object field) {
        if (field != null) {
            throw syntaxError();
        }
    }

    private PgException syntaxError() {
        return error(SqlState.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type " + target.sqlName + ": \"" + text + "\"");
    }

    private PgException fieldOutOfRange() {
        return error(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
    }

    private PgException error(SqlState state, String message) {
        return new PgException(state, message);
    }

    /** Time zone names, looked up without regard to case as PostgreSQL does. */
    private static final class ZoneNames {
        private static final Map<String, String> BY_LOWER_NAME = new HashMap<>();

        static {
            for (String id : ZoneId.getAvailableZoneIds()) {
                BY_LOWER_NAME.put(id.toLowerCase(Locale.ROOT), id);
            }
            for (String utc : new String[] {"z", "zulu", "utc", "ut", "gmt"}) {
                BY_LOWER_NAME.put(utc, "Z");
            }
        }

        static ZoneId find(String name) {
            String id = BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT));
            return id == null ? null : ZoneId.of(id);
        }
    }
}
