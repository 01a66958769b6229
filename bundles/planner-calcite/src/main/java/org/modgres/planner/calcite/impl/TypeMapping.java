package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Maps PostgreSQL column types to Calcite's and back. */
final class TypeMapping {

    private TypeMapping() {
    }

    /** Returns the row type of a table's columns; a NOT NULL column's type is not nullable. */
    static RelDataType rowType(RelDataTypeFactory factory, List<ColumnInfo> columns) {
        RelDataTypeFactory.Builder builder = factory.builder();
        for (ColumnInfo column : columns) {
            builder.add(column.name(), toCalcite(factory, column.type(), !column.notNull()));
        }
        return builder.build();
    }

    /** Returns Calcite's type for a column. */
    static RelDataType toCalcite(RelDataTypeFactory factory, ColumnType column, boolean nullable) {
        RelDataType type = switch (column.type()) {
            case BOOL -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case INT2 -> factory.createSqlType(SqlTypeName.SMALLINT);
            case INT4 -> factory.createSqlType(SqlTypeName.INTEGER);
            case INT8, OID -> factory.createSqlType(SqlTypeName.BIGINT);
            case NUMERIC -> column.precision() < 0
                    ? ModgresTypeSystem.unboundedNumeric(factory)
                    : factory.createSqlType(SqlTypeName.DECIMAL, column.precision(), column.scale());
            case FLOAT4 -> factory.createSqlType(SqlTypeName.REAL);
            case FLOAT8 -> factory.createSqlType(SqlTypeName.DOUBLE);
            case TEXT, NAME, UNKNOWN, CHAR -> factory.createSqlType(SqlTypeName.VARCHAR);
            case VARCHAR -> column.length() < 0
                    ? factory.createSqlType(SqlTypeName.VARCHAR)
                    : factory.createSqlType(SqlTypeName.VARCHAR, column.length());
            case BPCHAR -> factory.createSqlType(SqlTypeName.CHAR, Math.max(column.length(), 1));
            case BYTEA -> factory.createSqlType(SqlTypeName.VARBINARY);
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIME -> factory.createSqlType(SqlTypeName.TIME, 6);
            case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
            case TIMESTAMPTZ -> factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
            case INTERVAL -> interval(factory);
            case UUID -> factory.createSqlType(SqlTypeName.UUID);
            case JSON, JSONB -> JsonTypes.type(factory, column.type());
            case VOID -> factory.createSqlType(SqlTypeName.NULL);
            case BOOL_ARRAY, BYTEA_ARRAY, BPCHAR_ARRAY, VARCHAR_ARRAY, FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY,
                 DATE_ARRAY, TIME_ARRAY, TIMESTAMPTZ_ARRAY, INTERVAL_ARRAY, NUMERIC_ARRAY, UUID_ARRAY, JSON_ARRAY,
                 JSONB_ARRAY ->
                    factory.createArrayType(toCalcite(factory,
                            new ColumnType(column.type().elementType(), column.typmod()), true), -1);
            case INT2VECTOR, OIDVECTOR, CHAR_ARRAY, NAME_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY,
                 OID_ARRAY -> factory.createArrayType(
                    toCalcite(factory, ColumnType.of(column.type().elementType()), true), -1);
        };
        return factory.createTypeWithNullability(type, nullable);
    }

    /**
     * Returns the PostgreSQL type of a computed value. Character strings that were not declared
     * with a length are {@code text}, as PostgreSQL types string literals and concatenations.
     */
    static ColumnType toPostgres(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> ColumnType.of(PgType.BOOL);
            case TINYINT, SMALLINT -> ColumnType.of(PgType.INT2);
            case INTEGER -> ColumnType.of(PgType.INT4);
            case BIGINT -> ColumnType.of(PgType.INT8);
            case DECIMAL -> ColumnType.of(PgType.NUMERIC);
            case REAL -> ColumnType.of(PgType.FLOAT4);
            case FLOAT, DOUBLE -> ColumnType.of(PgType.FLOAT8);
            case CHAR, VARCHAR -> ColumnType.of(PgType.TEXT);
            case BINARY, VARBINARY -> ColumnType.of(PgType.BYTEA);
            case DATE -> ColumnType.of(PgType.DATE);
            case TIME -> ColumnType.of(PgType.TIME);
            case TIMESTAMP -> ColumnType.of(PgType.TIMESTAMP);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> ColumnType.of(PgType.TIMESTAMPTZ);
            case UUID -> ColumnType.of(PgType.UUID);
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH, INTERVAL_DAY, INTERVAL_DAY_HOUR,
                 INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR, INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND,
                 INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND -> ColumnType.of(PgType.INTERVAL);
            case NULL -> ColumnType.of(PgType.TEXT);
            case VARIANT -> ColumnType.of(JsonTypes.pgType(type));
            case ARRAY -> ColumnType.of(arrayOf(type.getComponentType()));
            default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "type " + type.getSqlTypeName().getName().toLowerCase(java.util.Locale.ROOT) + " is not supported yet");
        };
    }

    /**
     * Returns PostgreSQL's interval in Calcite's terms: {@code INTERVAL DAY TO SECOND}, whose
     * arithmetic with datetimes Calcite types as PostgreSQL does; every Calcite interval type
     * (year-month ones from {@code interval '1' year} too) maps back to PostgreSQL's one interval.
     */
    static RelDataType interval(RelDataTypeFactory factory) {
        return factory.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
    }

    /**
     * Returns a type specification for a cast to a Calcite type: Calcite's own, except for an
     * interval, whose specification Calcite would derive as a plain type without its qualifier.
     */
    static SqlDataTypeSpec spec(RelDataType type) {
        if (SqlTypeUtil.isInterval(type)) {
            return new SqlDataTypeSpec(new IntervalTypeNameSpec(), SqlParserPos.ZERO);
        }
        if (JsonTypes.isJson(type)) {
            return JsonTypes.spec(JsonTypes.pgType(type));
        }
        if (type.getSqlTypeName() == SqlTypeName.ARRAY && JsonTypes.isJson(type.getComponentType())) {
            // Calcite would spell the elements VARIANT, which derives no json type back
            return new SqlDataTypeSpec(new org.apache.calcite.sql.SqlCollectionTypeNameSpec(
                    JsonTypes.spec(JsonTypes.pgType(type.getComponentType())).getTypeNameSpec(), SqlTypeName.ARRAY,
                    SqlParserPos.ZERO), SqlParserPos.ZERO);
        }
        return SqlTypeUtil.convertTypeToSpec(type);
    }

    /** {@code interval} in a cast the planner writes; derives {@link #interval}. */
    private static final class IntervalTypeNameSpec extends SqlTypeNameSpec {

        IntervalTypeNameSpec() {
            super(new SqlIdentifier("interval", SqlParserPos.ZERO), SqlParserPos.ZERO);
        }

        @Override
        public RelDataType deriveType(SqlValidator validator) {
            return interval(validator.getTypeFactory());
        }

        @Override
        public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
            writer.keyword("INTERVAL");
        }

        @Override
        public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
            return spec instanceof IntervalTypeNameSpec || litmus.fail("{} != {}", this, spec);
        }
    }

    /** Returns the PostgreSQL array type whose elements have a computed value's type. */
    private static PgType arrayOf(RelDataType element) {
        return switch (element.getSqlTypeName()) {
            case TINYINT, SMALLINT -> PgType.INT2_ARRAY;
            case INTEGER -> PgType.INT4_ARRAY;
            case BIGINT -> PgType.INT8_ARRAY;
            case CHAR, VARCHAR -> PgType.TEXT_ARRAY;
            case BOOLEAN, DECIMAL, REAL, FLOAT, DOUBLE, BINARY, VARBINARY, DATE, TIME, TIMESTAMP,
                 TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ, UUID, INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH,
                 INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                 INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND ->
                    toPostgres(element).type().arrayType();
            case VARIANT -> JsonTypes.pgType(element).arrayType();
            default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "arrays of type "
                    + element.getSqlTypeName().getName().toLowerCase(java.util.Locale.ROOT) + " are not supported yet");
        };
    }
}
