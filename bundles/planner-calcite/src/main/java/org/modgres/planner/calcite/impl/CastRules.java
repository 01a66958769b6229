package org.modgres.planner.calcite.impl;

import java.util.HashMap;
import java.util.Map;

import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;

import com.google.common.collect.ImmutableSet;

/**
 * Calcite's casts plus PostgreSQL's between integer and boolean ({@code true::int4}, {@code 5::bool})
 * between text and json or jsonb, and from arrays to text ({@code array[1,2]::text}, their output text).
 */
final class CastRules {

    static final SqlTypeCoercionRule POSTGRES = rules();

    private CastRules() {
    }

    private static SqlTypeCoercionRule rules() {
        Map<SqlTypeName, ImmutableSet<SqlTypeName>> rules = new HashMap<>(SqlTypeCoercionRule.instance().getTypeMapping());
        rules.put(SqlTypeName.INTEGER, with(rules.get(SqlTypeName.INTEGER), SqlTypeName.BOOLEAN));
        rules.put(SqlTypeName.BOOLEAN, with(rules.get(SqlTypeName.BOOLEAN), SqlTypeName.INTEGER));
        // json and jsonb (VARIANT, see JsonTypes) read and print text, and convert into each other
        rules.put(SqlTypeName.VARIANT, ImmutableSet.of(SqlTypeName.VARIANT, SqlTypeName.CHAR, SqlTypeName.VARCHAR,
                SqlTypeName.NULL));
        rules.put(SqlTypeName.VARCHAR, with(with(rules.get(SqlTypeName.VARCHAR), SqlTypeName.VARIANT),
                SqlTypeName.ARRAY));
        rules.put(SqlTypeName.CHAR, with(with(rules.get(SqlTypeName.CHAR), SqlTypeName.VARIANT), SqlTypeName.ARRAY));
        return SqlTypeCoercionRule.instance(rules);
    }

    private static ImmutableSet<SqlTypeName> with(ImmutableSet<SqlTypeName> sources, SqlTypeName source) {
        return ImmutableSet.<SqlTypeName>builder().addAll(sources).add(source).build();
    }
}
