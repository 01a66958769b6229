package org.modgres.itests.slt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sqllogictest file (the format is described in src/test/resources/slt/README.md): its records, and
 * the rewriting of their headers and expected rows that record mode does.
 */
public final class SltFile {

    private static final String RESULT_SEPARATOR = "----";
    private static final String SKIP_ON_MODGRES = "skipif modgres";

    private final Path path;
    private final List<String> lines;
    private final List<SltRecord> records;

    private SltFile(Path path, List<String> lines, List<SltRecord> records) {
        this.path = path;
        this.lines = lines;
        this.records = records;
    }

    public static SltFile read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        return new SltFile(path, lines, parse(path.getFileName().toString(), lines));
    }

    public Path path() {
        return path;
    }

    public String name() {
        return path.getFileName().toString();
    }

    public List<SltRecord> records() {
        return records;
    }

    static List<SltRecord> parse(String file, List<String> lines) {
        List<SltRecord> records = new ArrayList<>();
        String skipReason = null;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                i++;
                continue;
            }
            if (line.startsWith(SKIP_ON_MODGRES)) {
                int hash = line.indexOf('#');
                skipReason = hash < 0 ? "(no reason given)" : line.substring(hash + 1).strip();
                i++;
                continue;
            }
            if (line.startsWith("skipif ")) {
                i++;
                continue;
            }
            int header = i;
            String[] words = line.split("\\s+");
            i++;
            StringBuilder sql = new StringBuilder();
            boolean query = words[0].equals("query");
            while (i < lines.size() && !lines.get(i).isBlank() && !(query && lines.get(i).strip().equals(RESULT_SEPARATOR))) {
                sql.append(sql.length() > 0 ? "\n" : "").append(lines.get(i));
                i++;
            }
            if (sql.length() == 0) {
                throw new IllegalArgumentException(file + ":" + (header + 1) + ": record without SQL");
            }
            switch (words[0]) {
                case "statement" -> {
                    if (words.length == 2 && words[1].equals("ok")) {
                        records.add(new SltRecord(file, header + 1, SltRecord.Kind.STATEMENT_OK, null, null, false,
                                sql.toString(), List.of(), skipReason, header, -1, i));
                    } else if (words.length == 3 && words[1].equals("error")) {
                        records.add(new SltRecord(file, header + 1, SltRecord.Kind.STATEMENT_ERROR, words[2], null,
                                false, sql.toString(), List.of(), skipReason, header, -1, i));
                    } else {
                        throw new IllegalArgumentException(file + ":" + (header + 1) + ": bad statement header: " + line);
                    }
                }
                case "query" -> {
                    if (words.length < 2 || words.length > 3 || !words[1].matches("[ITRB]+")
                            || (words.length == 3 && !words[2].matches("nosort|rowsort"))) {
                        throw new IllegalArgumentException(file + ":" + (header + 1) + ": bad query header: " + line);
                    }
                    if (i >= lines.size() || !lines.get(i).strip().equals(RESULT_SEPARATOR)) {
                        throw new IllegalArgumentException(file + ":" + (header + 1) + ": query without ----");
                    }
                    i++;
                    int resultStart = i;
                    List<List<String>> rows = new ArrayList<>();
                    while (i < lines.size() && !lines.get(i).isEmpty()) {
                        rows.add(SltValues.splitRow(lines.get(i), words[1].length()));
                        i++;
                    }
                    records.add(new SltRecord(file, header + 1, SltRecord.Kind.QUERY, null, words[1],
                            words.length == 3 && words[2].equals("rowsort"), sql.toString(), rows, skipReason, header,
                            resultStart, i));
                }
                default -> throw new IllegalArgumentException(file + ":" + (header + 1) + ": unknown record: " + line);
            }
            skipReason = null;
        }
        return records;
    }

    /**
     * Writes the file again with the given records' header and expected rows replaced, keeping every
     * other line (comments, skip markers, SQL) as it was.
     */
    public void rewrite(Map<SltRecord, Replacement> replacements) throws IOException {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (SltRecord record : records) {
            Replacement replacement = replacements.get(record);
            if (replacement == null) {
                continue;
            }
            while (i < record.headerIndex()) {
                out.add(lines.get(i++));
            }
            out.add(replacement.header());
            int sqlEnd = record.resultStart() < 0 ? record.resultEnd() : record.resultStart() - 1;
            for (int s = record.headerIndex() + 1; s < sqlEnd; s++) {
                out.add(lines.get(s));
            }
            if (replacement.rows() != null) {
                out.add(RESULT_SEPARATOR);
                out.addAll(replacement.rows());
            }
            i = record.resultEnd();
        }
        while (i < lines.size()) {
            out.add(lines.get(i++));
        }
        Files.writeString(path, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
    }

    /** A record's new header line and, for a query, its new result lines (null for a statement). */
    public record Replacement(String header, List<String> rows) {
    }
}
