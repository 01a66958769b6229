package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDigestIncludeType;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * A scan of a table through one of its B-tree indexes: the rows whose leading index columns lie
 * between a lower and an upper bound (each a prefix of the index's columns, as in the storage's
 * {@code KeyRange}), in index order, ascending NULLS LAST or descending NULLS FIRST. The filter the
 * bounds came from stays above it, so the bounds only have to take in every row it passes.
 *
 * <p>Executors see the node as a {@link TableScan}; they learn its index and bounds from its
 * explain terms at {@link SqlExplainLevel#ALL_ATTRIBUTES}, which add {@code columns} (the index's
 * column positions), {@code lower} and {@code upper} (the bound expressions, literals and
 * parameters, possibly cast; empty for no bound), {@code lowerInclusive}, {@code upperInclusive}
 * and {@code descending} to the readable {@code index}, {@code range} and {@code direction} every
 * level shows. Those names are the contract with the executor's {@code IndexScanTerms}.
 */
final class ModgresIndexScan extends TableScan {

    private final String index;
    private final List<Integer> columns;
    private final List<RexNode> lower;
    private final boolean lowerInclusive;
    private final List<RexNode> upper;
    private final boolean upperInclusive;
    private final boolean descending;

    ModgresIndexScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, String index,
                     List<Integer> columns, List<RexNode> lower, boolean lowerInclusive, List<RexNode> upper,
                     boolean upperInclusive, boolean descending) {
        super(cluster, traits, List.of(), table);
        this.index = index;
        this.columns = List.copyOf(columns);
        this.lower = List.copyOf(lower);
        this.lowerInclusive = lowerInclusive;
        this.upper = List.copyOf(upper);
        this.upperInclusive = upperInclusive;
        this.descending = descending;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return traitSet.equals(getTraitSet()) ? this : new ModgresIndexScan(getCluster(), traitSet, getTable(), index,
                columns, lower, lowerInclusive, upper, upperInclusive, descending);
    }

    @Override
    public RelNode accept(RexShuttle shuttle) {
        List<RexNode> newLower = shuttle.apply(lower);
        List<RexNode> newUpper = shuttle.apply(upper);
        if (newLower.equals(lower) && newUpper.equals(upper)) {
            return this;
        }
        return new ModgresIndexScan(getCluster(), getTraitSet(), getTable(), index, columns, newLower,
                lowerInclusive, newUpper, upperInclusive, descending);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        super.explainTerms(pw)
                .item("index", index)
                .itemIf("range", range(), !lower.isEmpty() || !upper.isEmpty())
                .item("direction", descending ? "DESC" : "ASC");
        if (pw.getDetailLevel() == SqlExplainLevel.ALL_ATTRIBUTES) {
            pw.item("columns", columns)
                    .item("lower", lower)
                    .item("lowerInclusive", lowerInclusive)
                    .item("upper", upper)
                    .item("upperInclusive", upperInclusive)
                    .item("descending", descending);
        }
        return pw;
    }

    /** The bounds as conditions on the columns' names: {@code a = $1 AND b >= 3 AND b < 7}. */
    private String range() {
        List<RelDataTypeField> fields = getRowType().getFieldList();
        StringBuilder text = new StringBuilder();
        int bounded = Math.max(lower.size(), upper.size());
        for (int i = 0; i < bounded; i++) {
            String name = fields.get(columns.get(i)).getName();
            RexNode low = i < lower.size() ? lower.get(i) : null;
            RexNode high = i < upper.size() ? upper.get(i) : null;
            boolean lastLow = i == lower.size() - 1;
            boolean lastHigh = i == upper.size() - 1;
            if (low != null && low.equals(high) && (!lastLow || lowerInclusive) && (!lastHigh || upperInclusive)) {
                append(text, name + " = " + value(low));
                continue;
            }
            if (low != null) {
                append(text, name + (lastLow && !lowerInclusive ? " > " : " >= ") + value(low));
            }
            if (high != null) {
                append(text, name + (lastHigh && !upperInclusive ? " < " : " <= ") + value(high));
            }
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String condition) {
        if (!text.isEmpty()) {
            text.append(" AND ");
        }
        text.append(condition);
    }

    /** A literal as SQL writes it: numbers bare, anything else quoted ({@code '2020-01-10'}). */
    private static String quoted(RexLiteral literal) {
        String text = literal.computeDigest(RexDigestIncludeType.NO_TYPE);
        return text.startsWith("'") || SqlTypeUtil.isNumeric(literal.getType()) ? text : "'" + text + "'";
    }

    /** A bound as a user wrote it: a literal, {@code $1} for the first parameter, casts left out. */
    private static String value(RexNode node) {
        return switch (node) {
            case RexDynamicParam param -> "$" + (param.getIndex() + 1);
            case RexLiteral literal -> quoted(literal);
            case RexCall call when call.getKind() == SqlKind.CAST -> value(call.getOperands().get(0));
            default -> node.toString();
        };
    }
}
