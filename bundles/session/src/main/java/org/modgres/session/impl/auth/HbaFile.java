package org.modgres.session.impl.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads pg_hba.conf as PostgreSQL's hba.c does: one rule per line, fields separated by white
 * space, {@code #} starting a comment, double quotes keeping a name from being a keyword, commas
 * separating the names of the database and user fields. Addresses are CIDR ({@code 10.0.0.0/8},
 * {@code ::1/128}), an address followed by a mask, or {@code all}. Options after the method are
 * accepted and ignored.
 */
public final class HbaFile {

    /** A line PostgreSQL would refuse, with PostgreSQL's message and where it is. */
    public static final class InvalidHbaFileException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidHbaFileException(Path file, int line, String message) {
            super(message + " (line " + line + " of configuration file \"" + file + "\")");
        }
    }

    private HbaFile() {
    }

    public static List<HbaRule> read(Path file) throws IOException, InvalidHbaFileException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<HbaRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            HbaRule rule = parse(file, i + 1, lines.get(i));
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** Parses one line; returns null for a blank or comment line. */
    static HbaRule parse(Path file, int number, String line) throws InvalidHbaFileException {
        List<List<HbaRule.Entry>> fields = fields(file, number, line);
        if (fields.isEmpty()) {
            return null;
        }
        int next = 0;
        String typeWord = single(fields.get(next++)).value();
        HbaRule.ConnectionType type;
        try {
            type = HbaRule.ConnectionType.valueOf(typeWord.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidHbaFileException(file, number, "invalid connection type \"" + typeWord + "\"");
        }
        if (fields.size() < next + 2) {
            throw new InvalidHbaFileException(file, number, "end-of-line before "
                    + (fields.size() == next ? "database" : "role") + " specification");
        }
        List<HbaRule.Entry> databases = fields.get(next++);
        List<HbaRule.Entry> users = fields.get(next++);
        InetAddress network = null;
        int prefix = 0;
        if (type != HbaRule.ConnectionType.LOCAL) {
            if (fields.size() <= next) {
                throw new InvalidHbaFileException(file, number, "end-of-line before IP address specification");
            }
            String address = single(fields.get(next++)).value();
            if (!address.equals("all")) {
                int slash = address.indexOf('/');
                network = address(file, number, slash < 0 ? address : address.substring(0, slash));
                if (slash >= 0) {
                    prefix = prefixBits(file, number, address.substring(slash + 1), network);
                } else {
                    if (fields.size() <= next) {
                        throw new InvalidHbaFileException(file, number, "end-of-line before netmask specification");
                    }
                    prefix = maskBits(file, number, single(fields.get(next++)).value());
                }
            }
        }
        if (fields.size() <= next) {
            throw new InvalidHbaFileException(file, number, "end-of-line before authentication method");
        }
        String methodWord = single(fields.get(next)).value();
        HbaRule.Method method = HbaRule.Method.of(methodWord);
        if (method == null) {
            throw new InvalidHbaFileException(file, number, "invalid authentication method \"" + methodWord + "\"");
        }
        return new HbaRule(number, line.strip(), type, databases, users, network, prefix, method);
    }

    private static HbaRule.Entry single(List<HbaRule.Entry> field) {
        return field.getFirst();
    }

    private static InetAddress address(Path file, int number, String text) throws InvalidHbaFileException {
        // only numeric addresses: a host name would be looked up here, and PostgreSQL matches those differently
        if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new InvalidHbaFileException(file, number, "invalid IP address \"" + text
                    + "\": host names are not supported");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new InvalidHbaFileException(file, number, "invalid IP address \"" + text + "\"");
        }
    }

    private static int prefixBits(Path file, int number, String text, InetAddress network)
            throws InvalidHbaFileException {
        int max = network.getAddress().length * 8;
        try {
            int bits = Integer.parseInt(text);
            if (bits >= 0 && bits <= max) {
                return bits;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidHbaFileException(file, number, "invalid CIDR mask in address \"" + network.getHostAddress()
                + "/" + text + "\"");
    }

    private static int maskBits(Path file, int number, String text) throws InvalidHbaFileException {
        byte[] mask = address(file, number, text).getAddress();
        int bits = 0;
        boolean ended = false;
        for (byte b : mask) {
            for (int i = 7; i >= 0; i--) {
                boolean set = (b >> i & 1) == 1;
                if (set && ended) {
                    throw new InvalidHbaFileException(file, number, "invalid IP mask \"" + text + "\"");
                }
                if (set) {
                    bits++;
                } else {
                    ended = true;
                }
            }
        }
        return bits;
    }

    /** Splits a line into fields, each a comma-separated list of entries. */
    private static List<List<HbaRule.Entry>> fields(Path file, int number, String line)
            throws InvalidHbaFileException {
        List<List<HbaRule.Entry>> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n || line.charAt(i) == '#') {
                return fields;
            }
            List<HbaRule.Entry> field = new ArrayList<>();
            while (true) {
                StringBuilder value = new StringBuilder();
                boolean quoted = false;
                boolean inQuotes = false;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        quoted = true;
                        inQuotes = !inQuotes;
                        i++;
                        continue;
                    }
                    if (!inQuotes && (Character.isWhitespace(c) || c == ',' || c == '#')) {
                        break;
                    }
                    value.append(c);
                    i++;
                }
                if (inQuotes) {
                    throw new InvalidHbaFileException(file, number, "unterminated quoted string");
                }
                field.add(new HbaRule.Entry(value.toString(), quoted));
                if (i < n && line.charAt(i) == ',') {
                    i++;
                    continue;
                }
                break;
            }
            fields.add(field);
        }
    }
}
