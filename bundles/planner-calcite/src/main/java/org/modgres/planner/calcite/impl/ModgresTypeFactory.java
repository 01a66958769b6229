package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's types with PostgreSQL's common type of numerics: where CASE, COALESCE, UNION or VALUES
 * meet numerics of different precision or scale, or a numeric and an integer, the result is a
 * numeric without a declared scale, so each value keeps its own ({@code CASE ... THEN 1 ELSE 2.5 END}
 * gives 1, not 1.0).
 */
final class ModgresTypeFactory extends JavaTypeFactoryImpl {

    ModgresTypeFactory() {
        super(ModgresTypeSystem.INSTANCE);
    }

    // Calcite declares the parameter as a raw Class, and an override must keep its signature
    @SuppressWarnings("rawtypes")
    @Override
    public RelDataType createJavaType(Class clazz) {
        if (clazz == org.modgres.api.type.PgJson.class || clazz == org.modgres.api.type.PgJsonb.class) {
            return canonize(new JsonTypes.JsonSqlType(this, clazz, true));
        }
        return super.createJavaType(clazz);
    }

    @Override
    public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
        if (type instanceof JsonTypes.JsonSqlType json) {
            return json.isNullable() == nullable ? json : canonize(new JsonTypes.JsonSqlType(this, json.getJavaClass(), nullable));
        }
        return super.createTypeWithNullability(type, nullable);
    }

    @Override
    public RelDataType enforceTypeWithNullability(RelDataType type, boolean nullable) {
        if (type instanceof JsonTypes.JsonSqlType) {
            return createTypeWithNullability(type, nullable);
        }
        return super.enforceTypeWithNullability(type, nullable);
    }

    @Override
    public RelDataType leastRestrictive(List<RelDataType> types) {
        if (types.stream().anyMatch(JsonTypes.JsonSqlType.class::isInstance)) {
            return commonJsonType(types);
        }
        RelDataType common = super.leastRestrictive(types);
        if (common == null || common.getSqlTypeName() != SqlTypeName.DECIMAL || allSameNumeric(types)) {
            return common;
        }
        // as wide as numeric goes, which the executor reads as numeric without a declared scale; the
        // scale stays Calcite's, which it rounds the literals of a VALUES list to
        return createTypeWithNullability(
                createSqlType(SqlTypeName.DECIMAL, ModgresTypeSystem.MAX_NUMERIC_PRECISION, common.getScale()),
                common.isNullable());
    }

    /**
     * The common type of json or jsonb values, NULLs and quoted literals (char, which PostgreSQL
     * reads as the json type): their type, or none when json meets jsonb or anything else, which
     * Calcite has no rules for.
     */
    private RelDataType commonJsonType(List<RelDataType> types) {
        RelDataType json = null;
        boolean nullable = false;
        for (RelDataType type : types) {
            nullable |= type.isNullable();
            if (type.getSqlTypeName() == SqlTypeName.NULL || type.getSqlTypeName() == SqlTypeName.CHAR) {
                continue;
            }
            if (!(type instanceof JsonTypes.JsonSqlType)
                    || json != null && ((JsonTypes.JsonSqlType) json).getJavaClass() != ((JsonTypes.JsonSqlType) type).getJavaClass()) {
                return null;
            }
            json = type;
        }
        return json == null ? null : createTypeWithNullability(json, nullable);
    }

    /** True when every typed input is the same numeric(p, s); an untyped NULL takes any type. */
    private static boolean allSameNumeric(List<RelDataType> types) {
        RelDataType first = null;
        for (RelDataType type : types) {
            if (type.getSqlTypeName() == SqlTypeName.NULL) {
                continue;
            }
            if (type.getSqlTypeName() != SqlTypeName.DECIMAL) {
                return false;
            }
            if (first == null) {
                first = type;
            } else if (first.getPrecision() != type.getPrecision() || first.getScale() != type.getScale()) {
                return false;
            }
        }
        return true;
    }
}
