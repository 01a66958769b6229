package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeFactoryImpl;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgJson;
import org.modgres.api.type.PgJsonb;
import org.modgres.api.type.PgType;

/**
 * json and jsonb in Calcite's terms: Java types of the value classes {@link PgJson} and
 * {@link PgJsonb}, as the parser's type names derive them ({@code createJavaType}), which
 * {@link ModgresTypeFactory} makes {@link JsonSqlType}s named VARIANT: Calcite would fold a cast
 * of a literal to a type named OTHER, and cannot.
 */
final class JsonTypes {

    private JsonTypes() {
    }

    /** Returns Calcite's type for json or jsonb. */
    static RelDataType type(RelDataTypeFactory factory, PgType type) {
        return factory.createJavaType(type == PgType.JSONB ? PgJsonb.class : PgJson.class);
    }

    /** Returns whether a Calcite type is json or jsonb. */
    static boolean isJson(RelDataType type) {
        return type instanceof RelDataTypeFactoryImpl.JavaType java
                && (java.getJavaClass() == PgJson.class || java.getJavaClass() == PgJsonb.class);
    }

    /** Returns json or jsonb for their Calcite types; fails for any other type named VARIANT. */
    static PgType pgType(RelDataType type) {
        if (type instanceof RelDataTypeFactoryImpl.JavaType java) {
            if (java.getJavaClass() == PgJson.class) {
                return PgType.JSON;
            }
            if (java.getJavaClass() == PgJsonb.class) {
                return PgType.JSONB;
            }
        }
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "type " + type + " is not supported yet");
    }

    /** Returns whether a Calcite type is jsonb. */
    static boolean isJsonb(RelDataType type) {
        return type instanceof RelDataTypeFactoryImpl.JavaType java && java.getJavaClass() == PgJsonb.class;
    }

    /**
     * The operands of jsonb's {@code ||} and {@code -}, which share their names with text's and
     * arithmetic's: a jsonb on the left, and a jsonb, text, integer or quoted literal on the right
     * (or a literal on the left of a jsonb).
     */
    static final SqlOperandTypeChecker JSONB_OPERANDS = new SqlOperandTypeChecker() {
        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            RelDataType left = binding.getOperandType(0);
            RelDataType right = binding.getOperandType(1);
            boolean ok = isJsonb(left) && (isJsonb(right) || SqlTypeUtil.isCharacter(right) || SqlTypeUtil.isIntType(right))
                    || SqlTypeUtil.isCharacter(left) && isJsonb(right);
            if (!ok && throwOnFailure) {
                throw binding.newValidationSignatureError();
            }
            return ok;
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.of(2);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return "<JSONB> " + opName + " <ANY>";
        }
    };

    /** Returns whether a call has a jsonb operand, which makes {@code ||} or {@code -} jsonb's. */
    static boolean hasJsonb(SqlOperatorBinding binding) {
        for (int i = 0; i < binding.getOperandCount(); i++) {
            if (isJsonb(binding.getOperandType(i))) {
                return true;
            }
        }
        return false;
    }

    /** The type of jsonb's {@code ||} and {@code -}. */
    static RelDataType jsonbResult(SqlOperatorBinding binding) {
        boolean nullable = false;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            nullable |= binding.getOperandType(i).isNullable();
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(type(factory, PgType.JSONB), nullable);
    }

    /** A json or jsonb type: a Java type of its value class, named VARIANT. */
    static final class JsonSqlType extends RelDataTypeFactoryImpl.JavaType {

        JsonSqlType(RelDataTypeFactoryImpl factory, Class<?> valueClass, boolean nullable) {
            factory.super(valueClass, nullable);
        }

        @Override
        public org.apache.calcite.sql.type.SqlTypeName getSqlTypeName() {
            return org.apache.calcite.sql.type.SqlTypeName.VARIANT;
        }

        /** json has no equality or ordering, jsonb has both (its btree order). */
        @Override
        public org.apache.calcite.rel.type.RelDataTypeComparability getComparability() {
            return getJavaClass() == PgJsonb.class ? org.apache.calcite.rel.type.RelDataTypeComparability.ALL
                    : org.apache.calcite.rel.type.RelDataTypeComparability.NONE;
        }

        @Override
        protected void generateTypeString(StringBuilder sb, boolean withDetail) {
            sb.append(getJavaClass() == PgJsonb.class ? "JSONB" : "JSON");
        }
    }

    /** Returns a type specification for a cast the planner writes to json or jsonb. */
    static SqlDataTypeSpec spec(PgType type) {
        return new SqlDataTypeSpec(new JsonTypeNameSpec(type), SqlParserPos.ZERO);
    }

    private static final class JsonTypeNameSpec extends SqlTypeNameSpec {

        private final PgType type;

        JsonTypeNameSpec(PgType type) {
            super(new SqlIdentifier(type.typname(), SqlParserPos.ZERO), SqlParserPos.ZERO);
            this.type = type;
        }

        @Override
        public RelDataType deriveType(SqlValidator validator) {
            return JsonTypes.type(validator.getTypeFactory(), type);
        }

        @Override
        public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
            writer.keyword(type.typname());
        }

        @Override
        public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
            return spec instanceof JsonTypeNameSpec other && other.type == type || litmus.fail("{} != {}", this, spec);
        }
    }
}
