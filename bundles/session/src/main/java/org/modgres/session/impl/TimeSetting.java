package org.modgres.session.impl;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Reads and shows settings that are durations in milliseconds, such as statement_timeout:
 * a number with an optional unit ({@code 500}, {@code '2s'}, {@code '1 min'}), shown in the
 * largest unit that divides it, as PostgreSQL's SHOW does.
 */
final class TimeSetting {

    private static final Pattern VALUE = Pattern.compile("\\s*(\\d+)\\s*(ms|s|min|h|d)?\\s*");
    private static final String[] UNITS = {"d", "h", "min", "s", "ms"};
    private static final long[] MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

    private TimeSetting() {
    }

    static long parseMillis(String name, String value) {
        Matcher m = VALUE.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + name + "\": \"" + value + "\"");
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + name + "\": \"" + value + "\"");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                long millis = amount * MILLIS[i];
                if (millis > Integer.MAX_VALUE || millis / MILLIS[i] != amount) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE, amount + " " + unit
                            + " is outside the valid range for parameter \"" + name + "\" (0 .. 2147483647)");
                }
                return millis;
            }
        }
        throw new IllegalStateException("unit " + unit);
    }

    static String format(long millis) {
        if (millis == 0) {
            return "0";
        }
        for (int i = 0; i < UNITS.length; i++) {
            if (millis % MILLIS[i] == 0) {
                return millis / MILLIS[i] + UNITS[i];
            }
        }
        return millis + "ms";
    }
}
