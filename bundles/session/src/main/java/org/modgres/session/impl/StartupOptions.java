package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * The {@code options} startup parameter (libpq's PGOPTIONS): command-line switches for the
 * backend, of which those that set parameters are understood, {@code -c name=value} and
 * {@code --name=value}, as PostgreSQL's process_postgres_switches reads them.
 */
final class StartupOptions {

    private StartupOptions() {
    }

    /** Returns the parameters the options set, in order, with dashes in names read as underscores. */
    static List<Map.Entry<String, String>> settings(String options) {
        List<String> words = split(options);
        List<Map.Entry<String, String>> settings = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--") && word.length() > 2) {
                settings.add(setting(word.substring(2), "--"));
            } else if (word.equals("-c") && i + 1 < words.size()) {
                settings.add(setting(words.get(++i), "-c "));
            } else if (word.startsWith("-c") && word.length() > 2) {
                settings.add(setting(word.substring(2), "-c "));
            } else {
                throw new PgException(SqlState.SYNTAX_ERROR, Severity.FATAL,
                        "invalid command-line argument for server process: " + word, null,
                        "Try \"postgres --help\" for more information.", 0, null);
            }
        }
        return settings;
    }

    private static Map.Entry<String, String> setting(String assignment, String flag) {
        int equals = assignment.indexOf('=');
        if (equals < 0) {
            throw new PgException(SqlState.SYNTAX_ERROR, flag + assignment + " requires a value");
        }
        return Map.entry(assignment.substring(0, equals).replace('-', '_'), assignment.substring(equals + 1));
    }

    /** Splits at white space; a backslash keeps the character after it, so that values may hold spaces. */
    private static List<String> split(String options) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            if (c == '\\' && i + 1 < options.length()) {
                c = options.charAt(++i);
            }
            word.append(c);
            inWord = true;
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
