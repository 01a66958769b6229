package org.modgres.api.type;

import java.util.Map;

/** The units of an interval's text, and the words PostgreSQL reads as each. */
enum IntervalUnit {
    MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR, DECADE, CENTURY, MILLENNIUM,
    /** What a number before "ago" gets in PostgreSQL: no unit, so the number is refused. */
    NONE;

    /** PostgreSQL's deltatktbl, keyed by the first ten characters of the word, as it compares them. */
    private static final Map<String, IntervalUnit> WORDS = Map.ofEntries(
            Map.entry("c", CENTURY), Map.entry("cent", CENTURY), Map.entry("centuries", CENTURY),
            Map.entry("century", CENTURY), Map.entry("d", DAY), Map.entry("day", DAY), Map.entry("days", DAY),
            Map.entry("dec", DECADE), Map.entry("decade", DECADE), Map.entry("decades", DECADE),
            Map.entry("decs", DECADE), Map.entry("h", HOUR), Map.entry("hour", HOUR),
            Map.entry("hours", HOUR), Map.entry("hr", HOUR), Map.entry("hrs", HOUR), Map.entry("m", MINUTE),
            Map.entry("min", MINUTE), Map.entry("mins", MINUTE), Map.entry("minute", MINUTE),
            Map.entry("minutes", MINUTE), Map.entry("microsecon", MICROSECOND), Map.entry("us", MICROSECOND),
            Map.entry("usec", MICROSECOND), Map.entry("usecs", MICROSECOND),
            Map.entry("useconds", MICROSECOND), Map.entry("mil", MILLENNIUM),
            Map.entry("millennia", MILLENNIUM), Map.entry("millennium", MILLENNIUM),
            Map.entry("mils", MILLENNIUM), Map.entry("millisecon", MILLISECOND), Map.entry("ms", MILLISECOND),
            Map.entry("msec", MILLISECOND), Map.entry("msecs", MILLISECOND),
            Map.entry("mseconds", MILLISECOND), Map.entry("mon", MONTH), Map.entry("mons", MONTH),
            Map.entry("month", MONTH), Map.entry("months", MONTH), Map.entry("s", SECOND),
            Map.entry("sec", SECOND), Map.entry("second", SECOND), Map.entry("seconds", SECOND),
            Map.entry("secs", SECOND), Map.entry("w", WEEK), Map.entry("week", WEEK),
            Map.entry("weeks", WEEK), Map.entry("y", YEAR), Map.entry("year", YEAR), Map.entry("years", YEAR),
            Map.entry("yr", YEAR), Map.entry("yrs", YEAR));

    /** PostgreSQL compares the first ten characters of a word. */
    private static final int WORD_LENGTH = 10;

    /** Returns the unit a word names, or null. */
    static IntervalUnit named(String word) {
        return WORDS.get(word.length() > WORD_LENGTH ? word.substring(0, WORD_LENGTH) : word);
    }
}
