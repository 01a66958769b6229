package org.modgres.parser.impl.syntax;

import java.util.List;
import java.util.Set;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;

/**
 * The names in {@code OPERATOR(schema.op)} and {@code COLLATE collation}, resolved as PostgreSQL
 * resolves them: operators and collations are pg_catalog's, the only schemas besides it are public
 * and information_schema, and neither defines an operator or a collation.
 */
public final class OperatorAndCollationNames {

    private static final String PG_CATALOG = "pg_catalog";

    private static final Set<String> USER_SCHEMAS = Set.of("public", "information_schema");

    /**
     * The collations whose order is Modgres's, code point order, so COLLATE with them changes
     * nothing: "default" (databases are created with the C locale), C, POSIX, ucs_basic and
     * C.utf8.
     */
    private static final Set<String> CODE_POINT_COLLATIONS = Set.of("default", "C", "POSIX", "ucs_basic", "C.utf8");

    private OperatorAndCollationNames() {
    }

    /**
     * Returns the operator {@code OPERATOR([schema.]symbol)} stands for.
     *
     * @param schema   the schema as written, or {@code null}
     * @param operator the operator the grammar found for the symbol, or {@code null} for a symbol
     *                 PostgreSQL knows and Modgres does not implement
     */
    public static SqlOperator qualifiedOperator(String schema, String symbol, SqlOperator operator, SqlParserPos pos) {
        final String name = schema == null ? symbol : schema + "." + symbol;
        if (schema != null && !schema.equals(PG_CATALOG)) {
            checkSchemaExists(schema, pos);
            throw new ParserException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: " + name, pos)
                    .withHint("No operator matches the given name and argument types. "
                            + "You might need to add explicit type casts.");
        }
        if (operator == null) {
            throw PgSyntax.notSupported("OPERATOR(" + name + ")", pos);
        }
        return operator;
    }

    /**
     * Checks that {@code COLLATE collation} names a collation that sorts as Modgres does; it can
     * then be dropped from the expression.
     *
     * @param pos where COLLATE is, where PostgreSQL's errors point
     */
    public static void checkCollation(SqlIdentifier collation, SqlParserPos pos) {
        final List<String> names = collation.names;
        final String name = names.getLast();
        if (names.size() > 2) {
            throw new ParserException(SqlState.SYNTAX_ERROR,
                    "improper qualified name (too many dotted names): " + String.join(".", names), pos);
        }
        if (names.size() == 2 && !names.getFirst().equals(PG_CATALOG)) {
            checkSchemaExists(names.getFirst(), pos);
        } else if (CODE_POINT_COLLATIONS.contains(name)) {
            return;
        }
        throw new ParserException(SqlState.UNDEFINED_OBJECT,
                "collation \"" + String.join(".", names) + "\" for encoding \"UTF8\" does not exist", pos);
    }

    private static void checkSchemaExists(String schema, SqlParserPos pos) {
        if (!USER_SCHEMAS.contains(schema)) {
            throw new ParserException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist", pos);
        }
    }
}
