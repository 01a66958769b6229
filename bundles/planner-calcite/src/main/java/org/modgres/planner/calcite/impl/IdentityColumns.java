package org.modgres.planner.calcite.impl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * Reads the parser's marker of {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)]}:
 * a call named {@value #MARKER} with the kind ({@code a} or {@code d}) and the options as
 * name-value pairs of literals.
 */
final class IdentityColumns {

    static final String MARKER = "GENERATED AS IDENTITY";

    private IdentityColumns() {
    }

    static boolean isMarker(SqlCall call) {
        return call.getOperator().getName().equals(MARKER);
    }

    static ColumnInfo.Identity kind(SqlCall marker) {
        return "a".equals(string(marker.operand(0))) ? ColumnInfo.Identity.ALWAYS : ColumnInfo.Identity.BY_DEFAULT;
    }

    /** Returns the options of the column's sequence, whose type is the column's as in PostgreSQL. */
    static SequenceOptions options(SqlCall marker, ColumnType column) {
        PgType type = column.type();
        if (type != PgType.INT2 && type != PgType.INT4 && type != PgType.INT8) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "identity column type must be smallint, integer, or bigint");
        }
        Long increment = null;
        Long minValue = null;
        Long maxValue = null;
        Long start = null;
        Long cache = null;
        Boolean cycle = null;
        boolean noMin = false;
        boolean noMax = false;
        for (int i = 1; i + 1 < marker.operandCount(); i += 2) {
            String option = string(marker.operand(i));
            SqlLiteral value = (SqlLiteral) marker.operand(i + 1);
            boolean none = value.getTypeName().getFamily() == SqlTypeFamily.BOOLEAN;
            switch (option) {
                case "increment" -> increment = value.longValue(true);
                case "minvalue" -> {
                    noMin = none;
                    minValue = none ? null : value.longValue(true);
                }
                case "maxvalue" -> {
                    noMax = none;
                    maxValue = none ? null : value.longValue(true);
                }
                case "start" -> start = value.longValue(true);
                case "cache" -> cache = value.longValue(true);
                case "cycle" -> cycle = value.booleanValue();
                default -> {
                    // AS type: the column's type decides
                }
            }
        }
        return SequenceOptions.resolve(null, type, increment, minValue, maxValue, start, cache, cycle, noMin, noMax);
    }

    private static String string(SqlNode node) {
        return ((SqlLiteral) node).getValueAs(String.class);
    }
}
