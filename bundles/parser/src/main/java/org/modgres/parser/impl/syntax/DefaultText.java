package org.modgres.parser.impl.syntax;

import java.util.Locale;
import java.util.Map;

import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The text a column default is kept as when ALTER TABLE sets it: the expression in Calcite's
 * dialect without quoted identifiers, casts to PostgreSQL's aliases ({@code ::text}) written
 * with the Calcite type they stand for, as the planner keeps the defaults CREATE TABLE writes
 * and reads them back.
 */
public final class DefaultText {

    private static final SqlDialect DIALECT = new CalciteSqlDialect(
            CalciteSqlDialect.DEFAULT_CONTEXT.withIdentifierQuoteString(null));

    private static final Map<String, SqlTypeName> ALIASES = Map.of("text", SqlTypeName.VARCHAR,
            "name", SqlTypeName.VARCHAR, "bpchar", SqlTypeName.CHAR, "oid", SqlTypeName.BIGINT);

    private DefaultText() {
    }

    public static String of(SqlNode expression) {
        SqlNode standard = expression.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlCall copy = (SqlCall) super.visit(call);
                if (copy != null && copy.getKind() == SqlKind.CAST && copy.operandCount() == 2
                        && copy.operand(1) instanceof SqlDataTypeSpec spec
                        && spec.getTypeNameSpec() instanceof SqlAlienSystemTypeNameSpec alien) {
                    SqlTypeName type = ALIASES.get(alien.getTypeName().getSimple().toLowerCase(Locale.ROOT));
                    if (type != null) {
                        copy.setOperand(1, new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, spec.getParserPosition()),
                                spec.getParserPosition()));
                    }
                }
                return copy;
            }
        });
        return standard.toSqlString(DIALECT).getSql();
    }
}
