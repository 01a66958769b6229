package org.modgres.parser.impl.syntax;

import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A PostgreSQL type that Calcite has no name for, such as {@code text}: Calcite validates it as
 * {@code calciteType}, and {@link #getTypeName()} returns the PostgreSQL name, in lower case, so a
 * planner can tell {@code text} from {@code varchar}. Planners see it as a
 * {@link SqlAlienSystemTypeNameSpec} and need not know this class.
 */
final class PgTypeAlias extends SqlAlienSystemTypeNameSpec {

    private final SqlIdentifier pgName;

    PgTypeAlias(String pgName, SqlTypeName calciteType, SqlParserPos pos) {
        super(pgName, calciteType, pos);
        this.pgName = new SqlIdentifier(pgName, pos);
    }

    @Override
    public SqlIdentifier getTypeName() {
        return pgName;
    }
}
