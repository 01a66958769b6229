package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's text with every stand-alone digit run replaced by {@code #}, and the runs in the
 * order they appear. Two statements of one shape differ in those runs only; leading and trailing
 * white space and trailing semicolons are not part of the shape.
 *
 * @param key  the text with its digit runs masked
 * @param runs the digit runs, in order
 */
record LiteralShape(String key, List<String> runs) {

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\w$.\\x22])\\d+(?![\\w.])");

    static LiteralShape of(String text) {
        String statement = withoutTrailingSemicolons(text.strip());
        Matcher digits = DIGIT_RUN.matcher(statement);
        StringBuilder key = new StringBuilder(statement.length());
        List<String> runs = new ArrayList<>();
        while (digits.find()) {
            runs.add(digits.group());
            digits.appendReplacement(key, "#");
        }
        digits.appendTail(key);
        return new LiteralShape(key.toString(), runs);
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
