package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class LiteralShapeTest {

    @Test
    void masksStandAloneDigitRuns() {
        LiteralShape shape = LiteralShape.of("  SELECT abalance FROM pgbench_accounts WHERE aid = 4711;; ");
        assertEquals("SELECT abalance FROM pgbench_accounts WHERE aid = #", shape.key());
        assertEquals(List.of("4711"), shape.runs());
    }

    @Test
    void leavesNamesParametersQuotedIdentifiersAndDecimalsAlone() {
        LiteralShape shape = LiteralShape.of("select t1.c2, \"3x\", $1, 1.5, 2e3, x_9, (-7), '12' from t1 limit 10");
        assertEquals("select t1.c2, \"3x\", $1, 1.5, 2e3, x_9, (-#), '#' from t1 limit #", shape.key());
        assertEquals(List.of("7", "12", "10"), shape.runs());
    }

    @Test
    void aStatementWithoutRunsIsItsOwnKey() {
        LiteralShape shape = LiteralShape.of("begin");
        assertEquals("begin", shape.key());
        assertEquals(List.of(), shape.runs());
    }

    /** The scan replaced a regular expression; random statements must be cut where that one cut them. */
    @Test
    void cutsRandomTextsAsTheRegularExpressionDid() {
        Pattern digitRun = Pattern.compile("(?<![\\w$.\\x22])\\d+(?![\\w.])");
        String alphabet = "0123456789 ab_$.\"'(),-+=;é";
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            LiteralShape shape = LiteralShape.of(text.toString());
            Matcher matcher = digitRun.matcher(stripSemicolons(text.toString().strip()));
            StringBuilder expectedKey = new StringBuilder();
            List<String> expectedRuns = new ArrayList<>();
            while (matcher.find()) {
                expectedRuns.add(matcher.group());
                matcher.appendReplacement(expectedKey, "#");
            }
            matcher.appendTail(expectedKey);
            assertEquals(expectedKey.toString(), shape.key(), text::toString);
            assertEquals(expectedRuns, shape.runs(), text::toString);
        }
    }

    private static String stripSemicolons(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ';' || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return text.substring(0, end);
    }
}
