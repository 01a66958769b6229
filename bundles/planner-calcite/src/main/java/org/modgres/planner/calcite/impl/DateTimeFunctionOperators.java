package org.modgres.planner.calcite.impl;

import java.util.List;
import java.util.Locale;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * PostgreSQL's date/time functions: date_trunc, date_part, extract (which {@link CatalogRewriter}
 * turns into a call of the function {@code extract}, numeric as in PostgreSQL 15), to_char,
 * to_timestamp, to_date, make_date and make_timestamp; the first three also take an interval. The executor evaluates them by name.
 */
final class DateTimeFunctionOperators {

    static final String EXTRACT = "extract";

    private static final SqlTypeFamily TEXT = SqlTypeFamily.CHARACTER;
    private static final SqlTypeFamily INT = SqlTypeFamily.INTEGER;

    /** date_trunc keeps a timestamp's type; a date becomes timestamp with time zone, as in PostgreSQL. */
    private static final SqlReturnTypeInference TRUNCATED = binding -> {
        SqlTypeName source = binding.getOperandType(1).getSqlTypeName();
        if (SqlTypeUtil.isInterval(binding.getOperandType(1))) {
            return binding.getTypeFactory().createTypeWithNullability(binding.getOperandType(1), true);
        }
        return type(binding, source == SqlTypeName.TIMESTAMP ? SqlTypeName.TIMESTAMP
                : SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    };

    private static final SqlReturnTypeInference TIMESTAMPTZ = binding ->
            type(binding, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

    private static final SqlReturnTypeInference TIMESTAMP = binding -> type(binding, SqlTypeName.TIMESTAMP);

    private static final SqlReturnTypeInference NUMERIC = binding -> {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(ModgresTypeSystem.unboundedNumeric(factory), true);
    };

    /** A unit and a date, time, timestamp or interval, as extract, date_part and date_trunc take. */
    private static final SqlOperandTypeChecker UNIT_AND_VALUE = OperandTypes.family(TEXT, SqlTypeFamily.DATETIME)
            .or(OperandTypes.family(TEXT, SqlTypeFamily.DATETIME_INTERVAL));

    static final SqlFunction EXTRACT_FUNCTION = LibraryFunctions.function(EXTRACT, NUMERIC, UNIT_AND_VALUE);

    static final List<SqlFunction> ALL = List.of(EXTRACT_FUNCTION,
            LibraryFunctions.function("date_trunc", TRUNCATED, UNIT_AND_VALUE),
            LibraryFunctions.function("date_part", ReturnTypes.DOUBLE_NULLABLE, UNIT_AND_VALUE),
            LibraryFunctions.function("to_char", ReturnTypes.VARCHAR_NULLABLE, OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.DATETIME, TEXT), OperandTypes.family(SqlTypeFamily.NUMERIC, TEXT))),
            LibraryFunctions.function("to_timestamp", TIMESTAMPTZ, OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.NUMERIC), OperandTypes.family(TEXT, TEXT))),
            LibraryFunctions.function("to_date", ReturnTypes.DATE_NULLABLE, OperandTypes.family(TEXT, TEXT)),
            LibraryFunctions.function("make_date", ReturnTypes.DATE_NULLABLE, OperandTypes.family(INT, INT, INT)),
            LibraryFunctions.function("make_timestamp", TIMESTAMP,
                    OperandTypes.family(INT, INT, INT, INT, INT, SqlTypeFamily.NUMERIC)));

    private DateTimeFunctionOperators() {
    }

    /** Returns the name of EXTRACT's field as PostgreSQL spells it, in lower case. */
    static String unitName(SqlIntervalQualifier unit) {
        String name = unit.timeFrameName != null ? unit.timeFrameName : unit.getStartUnit().name();
        return name.toLowerCase(Locale.ROOT);
    }

    private static RelDataType type(SqlOperatorBinding binding, SqlTypeName name) {
        boolean nullable = false;
        for (RelDataType operand : binding.collectOperandTypes()) {
            nullable |= operand.isNullable();
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(name, 6), nullable);
    }
}
