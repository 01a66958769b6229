package org.modgres.planner.calcite.impl;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.modgres.api.storage.Catalog;

/**
 * Column DEFAULT expressions as the catalog keeps them: SQL text in Calcite's own dialect, which
 * {@link ColumnDefaults} parses again with {@link #PARSER} whenever an INSERT needs the value. The
 * dialect's parser does not know PostgreSQL's type names, so a cast keeps the type it stands
 * for under Calcite's name ({@code 'a'::text} is kept as {@code CAST('a' AS VARCHAR)}).
 */
final class DefaultExpressions {

    /** How a kept expression is read back. */
    static final SqlParser.Config PARSER = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.LENIENT);

    private static final RelDataTypeFactory TYPES = new ModgresTypeFactory();

    /**
     * Calcite's dialect without quoted identifiers: a quoted function name would be looked up
     * case-sensitively ({@code "now"} is not {@code NOW}), an unquoted one is not.
     */
    private static final SqlDialect DIALECT = new CalciteSqlDialect(
            CalciteSqlDialect.DEFAULT_CONTEXT.withIdentifierQuoteString(null));

    private DefaultExpressions() {
    }

    /** Returns the text kept for the DEFAULT expression the parser read. */
    static String text(SqlNode expression) {
        SqlNode standard = expression.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlCall copy = (SqlCall) super.visit(call);
                if (copy != null && copy.getKind() == SqlKind.CAST && copy.operandCount() == 2
                        && copy.operand(1) instanceof SqlDataTypeSpec spec) {
                    copy.setOperand(1, TypeMapping.spec(
                            TypeMapping.toCalcite(TYPES, DdlTypes.columnType(spec), true)));
                }
                return copy;
            }
        });
        return standard.toSqlString(DIALECT).getSql();
    }

    /** Returns the text of a call of {@code nextval} on a sequence, the default of SERIAL and identity columns. */
    static String nextval(String schema, String sequence) {
        String name = schema.equals(Catalog.DEFAULT_SCHEMA) ? sequence
                : schema + "." + sequence;
        return "nextval('" + name.replace("'", "''") + "')";
    }
}
