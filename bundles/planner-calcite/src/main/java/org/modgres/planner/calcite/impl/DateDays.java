package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The operands of PostgreSQL's date_pli, integer_pl_date and date_mii ({@code date ± integer})
 * and date_mi ({@code date - date}). The types must be these: a timestamp is no date here and a
 * bigint no integer, as PostgreSQL has no such operators; a string literal subtracted from a
 * date is a date, as PostgreSQL gives an unknown operand the other side's type.
 */
final class DateDays implements SqlOperandTypeChecker {

    static final DateDays PLUS = new DateDays(false);
    static final DateDays MINUS = new DateDays(true);

    private final boolean minus;

    private DateDays(boolean minus) {
        this.minus = minus;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        boolean accepted = isDate(left) && isDays(right) || !minus && isDays(left) && isDate(right)
                || minus && isDate(left) && isDate(right)
                || minus && isDate(left) && readsLiteralAsDate(binding, left);
        if (!accepted && throwOnFailure) {
            throw binding.newValidationSignatureError();
        }
        return accepted;
    }

    private static boolean readsLiteralAsDate(SqlCallBinding binding, RelDataType date) {
        return binding.operand(1) instanceof SqlCharStringLiteral
                && binding.getValidator().getTypeCoercion() instanceof UnknownLiteralCoercion coercion
                && coercion.readLiteralAs(binding, 1, date);
    }

    private static boolean isDate(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DATE;
    }

    private static boolean isDays(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.INTEGER || type.getSqlTypeName() == SqlTypeName.SMALLINT
                || type.getSqlTypeName() == SqlTypeName.TINYINT;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.of(2);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        return minus ? "<DATE> - <INTEGER>\n<DATE> - <DATE>" : "<DATE> + <INTEGER>\n<INTEGER> + <DATE>";
    }
}
