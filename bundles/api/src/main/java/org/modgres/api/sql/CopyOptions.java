package org.modgres.api.sql;

import java.util.Objects;

/**
 * The options of a COPY statement, with PostgreSQL's defaults filled in.
 *
 * @param csv        true for {@code FORMAT csv}, false for the text format
 * @param delimiter  the field separator: tab for text, comma for CSV
 * @param nullString what stands for NULL: {@code \N} for text, the empty unquoted string for CSV
 * @param header     true when the first line holds column names (CSV only)
 * @param quote      the CSV quote character
 * @param escape     the CSV escape character (the quote by default)
 * @param binary     true for {@code FORMAT binary}: PostgreSQL's PGCOPY file format, the other settings unused
 */
public record CopyOptions(boolean csv, char delimiter, String nullString, boolean header, char quote, char escape,
                          boolean binary) {

    public CopyOptions {
        Objects.requireNonNull(nullString, "nullString");
        if (csv && binary) {
            throw new IllegalArgumentException("COPY is either CSV or binary");
        }
    }

    /** Options of the text or CSV format. */
    public CopyOptions(boolean csv, char delimiter, String nullString, boolean header, char quote, char escape) {
        this(csv, delimiter, nullString, header, quote, escape, false);
    }

    /** Returns the defaults of the text format. */
    public static CopyOptions textDefaults() {
        return new CopyOptions(false, '\t', "\\N", false, '"', '"');
    }

    /** Returns the options of the binary format. */
    public static CopyOptions binaryDefaults() {
        return new CopyOptions(false, '\t', "\\N", false, '"', '"', true);
    }

    /** Returns the defaults of the CSV format. */
    public static CopyOptions csvDefaults() {
        return new CopyOptions(true, ',', "", false, '"', '"');
    }
}
