package org.modgres.api.sql;

import java.util.Set;

/**
 * Writes names and values into SQL text as PostgreSQL's quote_ident and quote_literal do, for
 * every bundle that prints SQL (catalog definitions, format's %I and %L).
 */
public final class SqlQuoting {

    private static final Set<String> KEYWORDS = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case",
            "cast", "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for",
            "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
            "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
            "join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
            "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
            "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position",
            "precision", "primary", "real", "references", "returning", "right", "row", "select", "session_user",
            "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then",
            "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using",
            "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes",
            "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
            "xmlserialize", "xmltable");

    private SqlQuoting() {
    }

    /** Returns an identifier as written, or double-quoted when it would not read back as written. */
    public static String identifier(String identifier) {
        boolean safe = !identifier.isEmpty() && ((identifier.charAt(0) >= 'a' && identifier.charAt(0) <= 'z')
                || identifier.charAt(0) == '_') && !KEYWORDS.contains(identifier);
        for (int i = 0; i < identifier.length() && safe; i++) {
            char c = identifier.charAt(i);
            safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        return safe ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Returns a string literal; one with backslashes is written E'...' with them doubled. */
    public static String literal(String value) {
        String quoted = "'" + value.replace("'", "''").replace("\\", "\\\\") + "'";
        return value.contains("\\") ? "E" + quoted : quoted;
    }
}
