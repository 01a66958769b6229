package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement's text with every stand-alone digit run replaced by {@code #}, and the runs in the
 * order they appear. Two statements of one shape differ in those runs only; leading and trailing
 * white space and trailing semicolons are not part of the shape.
 *
 * @param key  the text with its digit runs masked
 * @param runs the digit runs, in order
 */
record LiteralShape(String key, List<String> runs) {

    /**
     * Scans by hand rather than with a regular expression: every statement of the simple protocol
     * passes here, and the scan was a measurable part of a cached statement's cost. A run counts
     * when it is not part of a name, a {@code $n} parameter, a quoted identifier or a decimal
     * number: the character before it is none of a word character, {@code $ . "}, the one after
     * it neither a word character nor a dot.
     */
    static LiteralShape of(String text) {
        String statement = withoutTrailingSemicolons(text.strip());
        StringBuilder key = null;
        List<String> runs = new ArrayList<>();
        int copied = 0;
        int length = statement.length();
        int i = 0;
        while (i < length) {
            if (!isDigit(statement.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isDigit(statement.charAt(i))) {
                i++;
            }
            if (standsAlone(statement, start, i)) {
                if (key == null) {
                    key = new StringBuilder(length);
                }
                key.append(statement, copied, start).append('#');
                runs.add(statement.substring(start, i));
                copied = i;
            }
        }
        if (key == null) {
            return new LiteralShape(statement, runs);
        }
        key.append(statement, copied, length);
        return new LiteralShape(key.toString(), runs);
    }

    private static boolean standsAlone(String statement, int start, int end) {
        if (start > 0) {
            char before = statement.charAt(start - 1);
            if (isWordCharacter(before) || before == '$' || before == '.' || before == '"') {
                return false;
            }
        }
        if (end < statement.length()) {
            char after = statement.charAt(end);
            return !isWordCharacter(after) && after != '.';
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A character of {@code \w} in a Java regular expression: ASCII letters, digits and the underscore. */
    private static boolean isWordCharacter(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static String withoutTrailingSemicolons(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ';' || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * Returns the values of the runs with the signs the planner found for them (a literal written
     * {@code -5} is one value, -5, of the run "5"), or null when one does not fit an integer.
     */
    List<Object> values(int[] signs) {
        List<Object> values = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            String run = runs.get(i);
            if (run.length() > 10) {
                return null;
            }
            long value = signs[i] * Long.parseLong(run);
            if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
                return null;
            }
            values.add((int) value);
        }
        return values;
    }

    /**
     * Returns the sign by which each lifted value relates to its run, or null when some value is
     * not plus or minus its run: the values then cannot be read from a text of this shape.
     */
    int[] signsOf(List<Object> liftedValues) {
        if (liftedValues.size() != runs.size()) {
            return null;
        }
        int[] signs = new int[runs.size()];
        for (int i = 0; i < signs.length; i++) {
            long value = ((Integer) liftedValues.get(i)).longValue();
            String run = runs.get(i);
            long runValue = run.length() > 10 ? -1 : Long.parseLong(run);
            if (value == runValue) {
                signs[i] = 1;
            } else if (value == -runValue) {
                signs[i] = -1;
            } else {
                return null;
            }
        }
        return signs;
    }
}
