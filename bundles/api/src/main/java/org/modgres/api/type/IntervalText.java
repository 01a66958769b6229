package org.modgres.api.type;

import static org.modgres.api.type.IntervalFields.BAD_FORMAT;
import static org.modgres.api.type.IntervalFields.OVERFLOW;
import static org.modgres.api.type.TextCharacters.isAlnum;
import static org.modgres.api.type.TextCharacters.isAlpha;
import static org.modgres.api.type.TextCharacters.isDigit;
import static org.modgres.api.type.TextCharacters.isPunctuation;
import static org.modgres.api.type.TextCharacters.isSpace;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * The text form of {@code interval}: output with {@code IntervalStyle = postgres}, and input as
 * PostgreSQL 15's interval_in reads it: fields with units read from right to left
 * ({@code 1 year 2 mons}, {@code 1.5 days}, {@code @ 1 hour ago}), {@code [+-]hh:mm[:ss[.f]]}
 * times, {@code y-m} year-month pairs, a bare number being seconds, and ISO 8601 durations
 * ({@code P1Y2M3DT4H5M6S}) when that fails.
 */
final class IntervalText {

    private enum FieldType { NUMBER, TIME, DATE, SIGNED, WORD }

    private record Field(FieldType type, String text) {
    }

    private IntervalText() {
    }

    /** Prints an interval as PostgreSQL does with {@code IntervalStyle = postgres}. */
    static String format(PgInterval interval) {
        return IntervalFormat.format(interval);
    }


    /** Reads an interval as PostgreSQL 15's interval_in does, with its errors. */
    static PgInterval parse(String text) {
        IntervalFields result = new IntervalFields();
        IntervalFields.Failure failure;
        try {
            decode(tokenize(text), result);
            return result.toInterval();
        } catch (IntervalFields.Failure f) {
            failure = f;
        }
        if (!failure.overflow) {
            result = new IntervalFields();
            try {
                IntervalIso8601.decode(text, result);
                return result.toInterval();
            } catch (IntervalFields.Failure f) {
                failure = f;
            }
        }
        if (failure.overflow) {
            throw new PgException(SqlState.INTERVAL_FIELD_OVERFLOW,
                    "interval field value out of range: \"" + text + "\"");
        }
        throw new PgException(SqlState.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type interval: \"" + text + "\"");
    }

    /** Splits the text into fields as PostgreSQL's ParseDateTime does. */
    private static List<Field> tokenize(String text) throws IntervalFields.Failure {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            StringBuilder field = new StringBuilder();
            FieldType type;
            if (isDigit(c)) {
                while (i < n && isDigit(text.charAt(i))) {
                    field.append(text.charAt(i++));
                }
                if (i < n && text.charAt(i) == ':') {
                    type = FieldType.TIME;
                    while (i < n && (isDigit(text.charAt(i)) || text.charAt(i) == ':' || text.charAt(i) == '.')) {
                        field.append(text.charAt(i++));
                    }
                } else if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '/' || text.charAt(i) == '.')) {
                    char delimiter = text.charAt(i);
                    field.append(text.charAt(i++));
                    if (i < n && isDigit(text.charAt(i))) {
                        type = delimiter == '.' ? FieldType.NUMBER : FieldType.DATE;
                        while (i < n && isDigit(text.charAt(i))) {
                            field.append(text.charAt(i++));
                        }
                        if (i < n && text.charAt(i) == delimiter) {
                            type = FieldType.DATE;
                            while (i < n && (isDigit(text.charAt(i)) || text.charAt(i) == delimiter)) {
                                field.append(text.charAt(i++));
                            }
                        }
                    } else {
                        type = FieldType.DATE;
                        while (i < n && (isAlnum(text.charAt(i)) || text.charAt(i) == delimiter)) {
                            field.append(Character.toLowerCase(text.charAt(i++)));
                        }
                    }
                } else {
                    type = FieldType.NUMBER;
                }
            } else if (c == '.') {
                field.append(text.charAt(i++));
                while (i < n && isDigit(text.charAt(i))) {
                    field.append(text.charAt(i++));
                }
                type = FieldType.NUMBER;
            } else if (isAlpha(c)) {
                type = FieldType.WORD;
                while (i < n && isAlpha(text.charAt(i))) {
                    field.append(Character.toLowerCase(text.charAt(i++)));
                }
                boolean isDate = false;
                if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '/' || text.charAt(i) == '.')) {
                    isDate = true;
                } else if (i < n && (text.charAt(i) == '+' || isDigit(text.charAt(i)))) {
                    // PostgreSQL looks the word up among date words, none of which an interval takes
                    isDate = true;
                }
                if (isDate) {
                    type = FieldType.DATE;
                    do {
                        field.append(Character.toLowerCase(text.charAt(i++)));
                    } while (i < n && "+-/_.:".indexOf(text.charAt(i)) >= 0 || i < n && isAlnum(text.charAt(i)));
                }
            } else if (c == '+' || c == '-') {
                field.append(text.charAt(i++));
                while (i < n && isSpace(text.charAt(i))) {
                    i++;
                }
                if (i < n && isDigit(text.charAt(i))) {
                    type = FieldType.SIGNED;
                    field.append(text.charAt(i++));
                    while (i < n && (isDigit(text.charAt(i)) || ":.-".indexOf(text.charAt(i)) >= 0)) {
                        field.append(text.charAt(i++));
                    }
                } else if (i < n && isAlpha(text.charAt(i))) {
                    type = FieldType.WORD;
                    while (i < n && isAlpha(text.charAt(i))) {
                        field.append(Character.toLowerCase(text.charAt(i++)));
                    }
                } else {
                    throw BAD_FORMAT;
                }
            } else if (c < 128 && isPunctuation(c)) {
                i++;
                continue;
            } else {
                throw BAD_FORMAT;
            }
            fields.add(new Field(type, field.toString()));
        }
        return fields;
    }

    private static final int MASK_MICROSECOND = 1;
    private static final int MASK_MILLISECOND = 2;
    private static final int MASK_SECOND = 4;
    private static final int MASK_MINUTE = 8;
    private static final int MASK_HOUR = 16;
    private static final int MASK_DAY = 32;
    private static final int MASK_WEEK = 64;
    private static final int MASK_MONTH = 128;
    private static final int MASK_YEAR = 256;
    private static final int MASK_DECADE = 512;
    private static final int MASK_CENTURY = 1024;
    private static final int MASK_MILLENNIUM = 2048;
    private static final int MASK_TIME = MASK_HOUR | MASK_MINUTE | MASK_SECOND | MASK_MILLISECOND | MASK_MICROSECOND;
    private static final int MASK_ALL_SECONDS = MASK_SECOND | MASK_MILLISECOND | MASK_MICROSECOND;

    /** PostgreSQL's DecodeInterval: the fields from right to left, so a unit comes before its number. */
    private static void decode(List<Field> fields, IntervalFields result) throws IntervalFields.Failure {
        IntervalUnit unit = null;
        boolean ago = false;
        int seen = 0;
        for (int i = fields.size() - 1; i >= 0; i--) {
            Field field = fields.get(i);
            String text = field.text();
            int mask;
            switch (field.type()) {
                case TIME -> {
                    mask = decodeTime(text, result);
                    unit = IntervalUnit.DAY;
                }
                case SIGNED, NUMBER, DATE -> {
                    if (field.type() == FieldType.SIGNED && text.indexOf(':', 1) >= 0) {
                        IntervalFields time = new IntervalFields();
                        time.micros = result.micros;
                        int timeMask = -1;
                        try {
                            timeMask = decodeTime(text.substring(1), time);
                        } catch (IntervalFields.Failure f) {
                            // PostgreSQL then tries the field as a number, which fails on the ':'
                        }
                        if (timeMask >= 0) {
                            if (text.charAt(0) == '-') {
                                if (time.micros == Long.MIN_VALUE) {
                                    throw OVERFLOW;
                                }
                                time.micros = -time.micros;
                            }
                            result.micros = time.micros;
                            mask = timeMask;
                            unit = IntervalUnit.DAY;
                            break;
                        }
                    }
                    if (unit == null) {
                        unit = IntervalUnit.SECOND;
                    }
                    mask = decodeNumber(text, unit, result);
                    if (mask < 0) {
                        // a years-months pair
                        unit = IntervalUnit.MONTH;
                        mask = MASK_MONTH;
                    } else if (unit == IntervalUnit.HOUR) {
                        unit = IntervalUnit.DAY;
                    }
                }
                case WORD -> {
                    if (text.equals("ago")) {
                        ago = true;
                        unit = IntervalUnit.NONE;
                        mask = 0;
                    } else {
                        IntervalUnit found = IntervalUnit.named(text);
                        if (found == null) {
                            throw BAD_FORMAT;
                        }
                        unit = found;
                        mask = 0;
                    }
                }
                default -> throw BAD_FORMAT;
            }
            if ((mask & seen) != 0) {
                throw BAD_FORMAT;
            }
            seen |= mask;
        }
        if (seen == 0) {
            throw BAD_FORMAT;
        }
        if (ago) {
            result.negate();
        }
    }

    /**
     * Adds one number in the given unit; returns the field's mask, or -1 for a {@code y-m} pair,
     * which PostgreSQL reads as months whatever the unit.
     */
    private static int decodeNumber(String text, IntervalUnit unit, IntervalFields result)
            throws IntervalFields.Failure {
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        long value = 0;
        if (i > digitsStart) {
            try {
                value = Long.parseLong(text.substring(digitsStart, i));
            } catch (NumberFormatException e) {
                throw OVERFLOW;
            }
        }
        if (negative) {
            value = -value;
        }
        double fraction;
        if (i < text.length() && text.charAt(i) == '-') {
            int monthsStart = i + 1;
            int j = monthsStart;
            while (j < text.length() && isDigit(text.charAt(j))) {
                j++;
            }
            if (j == monthsStart) {
                throw BAD_FORMAT;
            }
            long months;
            try {
                months = Long.parseLong(text.substring(monthsStart, j));
            } catch (NumberFormatException e) {
                throw OVERFLOW;
            }
            if (months >= 12) {
                throw OVERFLOW;
            }
            if (j != text.length()) {
                throw BAD_FORMAT;
            }
            if (negative) {
                months = -months;
            }
            long total;
            try {
                total = Math.addExact(Math.multiplyExact(value, 12), months);
            } catch (ArithmeticException e) {
                throw OVERFLOW;
            }
            result.addMonths(total);
            return -1;
        } else if (i < text.length() && text.charAt(i) == '.') {
            fraction = parseFraction(text.substring(i));
            if (negative) {
                fraction = -fraction;
            }
        } else if (i == text.length()) {
            fraction = 0;
        } else {
            throw BAD_FORMAT;
        }
        switch (unit) {
            case MICROSECOND -> {
                result.addMicros(value, fraction, 1);
                return MASK_MICROSECOND;
            }
            case MILLISECOND -> {
                result.addMicros(value, fraction, 1000);
                return MASK_MILLISECOND;
            }
            case SECOND -> {
                result.addMicros(value, fraction, PgInterval.MICROS_PER_SECOND);
                return fraction == 0 ? MASK_SECOND : MASK_ALL_SECONDS;
            }
            case MINUTE -> {
                result.addMicros(value, fraction, PgInterval.MICROS_PER_MINUTE);
                return MASK_MINUTE;
            }
            case HOUR -> {
                result.addMicros(value, fraction, PgInterval.MICROS_PER_HOUR);
                return MASK_HOUR;
            }
            case DAY -> {
                result.addDays(value, 1);
                result.addFractionalMicros(fraction, PgInterval.MICROS_PER_DAY);
                return MASK_DAY;
            }
            case WEEK -> {
                result.addDays(value, 7);
                result.addFractionalDays(fraction, 7);
                return MASK_WEEK;
            }
            case MONTH -> {
                result.addMonths(value);
                result.addFractionalDays(fraction, PgInterval.DAYS_PER_MONTH);
                return MASK_MONTH;
            }
            case YEAR -> {
                result.addYears(value, 1);
                result.addFractionalYears(fraction, 1);
                return MASK_YEAR;
            }
            case DECADE -> {
                result.addYears(value, 10);
                result.addFractionalYears(fraction, 10);
                return MASK_DECADE;
            }
            case CENTURY -> {
                result.addYears(value, 100);
                result.addFractionalYears(fraction, 100);
                return MASK_CENTURY;
            }
            case MILLENNIUM -> {
                result.addYears(value, 1000);
                result.addFractionalYears(fraction, 1000);
                return MASK_MILLENNIUM;
            }
            default -> throw BAD_FORMAT;
        }
    }

    /** Reads {@code .digits} (or a lone {@code .}) as PostgreSQL's ParseFraction does. */
    private static double parseFraction(String text) throws IntervalFields.Failure {
        if (text.length() == 1) {
            return 0;
        }
        for (int i = 1; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                throw BAD_FORMAT;
            }
        }
        return Double.parseDouble("0" + text);
    }

    /** PostgreSQL's DecodeTimeForInterval: {@code h:m}, {@code h:m:s[.f]} or {@code m:s.f}; sets the time part. */
    private static int decodeTime(String text, IntervalFields result) throws IntervalFields.Failure {
        int i = 0;
        int n = text.length();
        int start = i;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        long hours = parseLong(text, start, i);
        if (i >= n || text.charAt(i) != ':') {
            throw BAD_FORMAT;
        }
        start = ++i;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        long minutes = parseInt(text, start, i);
        long seconds = 0;
        long fraction = 0;
        if (i == n) {
            seconds = 0;
        } else if (text.charAt(i) == '.') {
            fraction = fractionalSecond(text.substring(i));
            seconds = minutes;
            minutes = hours;
            hours = 0;
        } else if (text.charAt(i) == ':') {
            start = ++i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            seconds = parseInt(text, start, i);
            if (i < n) {
                if (text.charAt(i) != '.') {
                    throw BAD_FORMAT;
                }
                fraction = fractionalSecond(text.substring(i));
            }
        } else {
            throw BAD_FORMAT;
        }
        if (hours < 0 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 60 || fraction < 0
                || fraction > PgInterval.MICROS_PER_SECOND) {
            throw OVERFLOW;
        }
        try {
            long micros = fraction;
            micros = Math.addExact(micros, Math.multiplyExact(hours, PgInterval.MICROS_PER_HOUR));
            micros = Math.addExact(micros, minutes * PgInterval.MICROS_PER_MINUTE);
            micros = Math.addExact(micros, seconds * PgInterval.MICROS_PER_SECOND);
            result.micros = micros;
        } catch (ArithmeticException e) {
            throw OVERFLOW;
        }
        return MASK_TIME;
    }

    private static long parseLong(String text, int start, int end) throws IntervalFields.Failure {
        if (start == end) {
            return 0;
        }
        try {
            return Long.parseLong(text.substring(start, end));
        } catch (NumberFormatException e) {
            throw OVERFLOW;
        }
    }

    private static long parseInt(String text, int start, int end) throws IntervalFields.Failure {
        long value = parseLong(text, start, end);
        if (value > Integer.MAX_VALUE) {
            throw OVERFLOW;
        }
        return value;
    }

    /** Reads {@code .digits} as microseconds, rounded as PostgreSQL's ParseFractionalSecond does. */
    private static long fractionalSecond(String text) throws IntervalFields.Failure {
        for (int i = 1; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                throw BAD_FORMAT;
            }
        }
        double value = text.length() == 1 ? 0 : Double.parseDouble("0" + text);
        return (long) Math.rint(value * 1_000_000);
    }
}
