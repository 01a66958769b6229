package org.modgres.api.type;

import java.util.Objects;

/**
 * A value of PostgreSQL's {@code json}: valid JSON text, kept exactly as written (spacing, key
 * order and duplicate keys included).
 */
public final class PgJson {

    private final String text;

    private PgJson(String text) {
        this.text = text;
    }

    /** Returns the json value of a text, failing with 22P02 as PostgreSQL's json input does. */
    public static PgJson parse(String text) {
        JsonParser.validate(text);
        return new PgJson(text);
    }

    /** Returns a json value of text already known to be valid JSON. */
    public static PgJson ofValid(String text) {
        return new PgJson(text);
    }

    /** Returns the members of this value's top level, as written. */
    public JsonMembers members() {
        return JsonParser.members(text);
    }

    /** Returns the value as jsonb: keys deduplicated and sorted, numbers as numeric. */
    public PgJsonb toJsonb() {
        return PgJsonb.parse(text);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PgJson json && json.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(text);
    }
}
