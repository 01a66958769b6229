package org.modgres.parser.impl.syntax;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * PostgreSQL's one {@code interval} type, which Calcite splits into year-month and day-time
 * intervals with fields. As a type name it is an alias named {@code interval} that Calcite
 * validates as {@code INTERVAL DAY TO SECOND} (the planner maps every Calcite interval back to
 * PostgreSQL's); {@code interval '1 day'}, a literal without fields, is a cast of the string,
 * which the executor reads with PostgreSQL's interval input rules.
 */
public final class IntervalSyntax {

    private IntervalSyntax() {
    }

    /** Returns the type {@code interval}, without fields or precision. */
    public static SqlAlienSystemTypeNameSpec type(SqlParserPos pos) {
        return new IntervalTypeName(pos);
    }

    /** Returns {@code interval 'text'}: the text cast to interval, negated for {@code interval - 'text'}. */
    public static SqlNode literal(int sign, String text, SqlParserPos pos) {
        SqlNode cast = SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(text, pos),
                new SqlDataTypeSpec(type(pos), pos));
        return sign < 0 ? SqlStdOperatorTable.UNARY_MINUS.createCall(pos, cast) : cast;
    }

    private static final class IntervalTypeName extends SqlAlienSystemTypeNameSpec {

        private final SqlIdentifier name;

        IntervalTypeName(SqlParserPos pos) {
            super("interval", SqlTypeName.INTERVAL_DAY_SECOND, pos);
            this.name = new SqlIdentifier("interval", pos);
        }

        @Override
        public SqlIdentifier getTypeName() {
            return name;
        }

        @Override
        public RelDataType deriveType(SqlValidator validator) {
            return validator.getTypeFactory().createSqlIntervalType(
                    new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
        }
    }
}
