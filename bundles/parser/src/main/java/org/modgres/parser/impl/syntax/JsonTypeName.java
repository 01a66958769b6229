package org.modgres.parser.impl.syntax;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactoryImpl;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.modgres.api.type.PgJson;
import org.modgres.api.type.PgJsonb;

/**
 * The type names {@code json} and {@code jsonb}, which Calcite has no types for: they derive
 * Calcite's Java types of the classes the values have ({@link PgJson}, {@link PgJsonb}), whose
 * type name is OTHER; {@link #getTypeName()} is the PostgreSQL name.
 */
public final class JsonTypeName extends SqlAlienSystemTypeNameSpec {

    private final SqlIdentifier name;
    private final boolean binary;

    JsonTypeName(boolean binary, SqlParserPos pos) {
        super(binary ? "jsonb" : "json", SqlTypeName.OTHER, pos);
        this.name = new SqlIdentifier(binary ? "jsonb" : "json", pos);
        this.binary = binary;
    }

    @Override
    public SqlIdentifier getTypeName() {
        return name;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator) {
        return validator.getTypeFactory().createJavaType(binary ? PgJsonb.class : PgJson.class);
    }

    /** Returns whether a Calcite type is json's. */
    public static boolean isJson(RelDataType type) {
        return type instanceof RelDataTypeFactoryImpl.JavaType java && java.getJavaClass() == PgJson.class;
    }

    /** Returns whether a Calcite type is jsonb's. */
    public static boolean isJsonb(RelDataType type) {
        return type instanceof RelDataTypeFactoryImpl.JavaType java && java.getJavaClass() == PgJsonb.class;
    }
}
