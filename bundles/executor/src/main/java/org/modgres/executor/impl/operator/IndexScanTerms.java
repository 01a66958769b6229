package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;

/**
 * The index, range and direction of a planner's index scan: a {@link TableScan} that lists, with
 * all attributes, the terms {@code columns} (the index's column positions), {@code lower} and
 * {@code upper} (prefixes of bound expressions, empty for no bound), {@code lowerInclusive},
 * {@code upperInclusive} and {@code descending}, as the Calcite planner's {@code ModgresIndexScan}
 * does. The rows of such a scan come in index order, ascending NULLS LAST or descending NULLS
 * FIRST, and a sort above may count on it.
 *
 * @param columns the index's columns, in index order
 * @param lower   the lower bound's values, for the leading columns; empty for none
 * @param upper   the upper bound's values, for the leading columns; empty for none
 */
public record IndexScanTerms(List<Integer> columns, List<RexNode> lower, boolean lowerInclusive,
                             List<RexNode> upper, boolean upperInclusive, boolean descending) {

    /** Returns the index scan's terms, or null for a plain scan of the whole table. */
    public static IndexScanTerms of(TableScan scan) {
        if (scan instanceof LogicalTableScan) {
            // the usual scan, on every statement's path: no need to ask it for its terms
            return null;
        }
        Map<String, Object> terms = new HashMap<>();
        scan.explain(new TermsWriter(terms));
        if (!(terms.get("columns") instanceof List<?> columns) || !(terms.get("lower") instanceof List<?> lower)
                || !(terms.get("upper") instanceof List<?> upper)) {
            return null;
        }
        List<Integer> positions = new ArrayList<>();
        columns.forEach(column -> positions.add((Integer) column));
        return new IndexScanTerms(positions, expressions(lower), Boolean.TRUE.equals(terms.get("lowerInclusive")),
                expressions(upper), Boolean.TRUE.equals(terms.get("upperInclusive")),
                Boolean.TRUE.equals(terms.get("descending")));
    }

    private static List<RexNode> expressions(List<?> values) {
        List<RexNode> expressions = new ArrayList<>(values.size());
        values.forEach(value -> expressions.add((RexNode) value));
        return expressions;
    }

    /** Orders rows as the index does, for a scan that reads rows kept elsewhere. */
    RowComparator order(RelDataType rowType) {
        List<RelFieldCollation> collations = new ArrayList<>();
        for (int column : columns) {
            collations.add(new RelFieldCollation(column, descending ? RelFieldCollation.Direction.DESCENDING
                    : RelFieldCollation.Direction.ASCENDING));
        }
        return new RowComparator(collations, rowType);
    }

    /** Collects a node's own terms at the level that lists everything. */
    private static final class TermsWriter implements RelWriter {
        private final Map<String, Object> terms;

        TermsWriter(Map<String, Object> terms) {
            this.terms = terms;
        }

        @Override
        public void explain(RelNode rel, List<Pair<String, Object>> valueList) {
            valueList.forEach(pair -> terms.put(pair.left, pair.right));
        }

        @Override
        public SqlExplainLevel getDetailLevel() {
            return SqlExplainLevel.ALL_ATTRIBUTES;
        }

        @Override
        public RelWriter item(String term, Object value) {
            terms.put(term, value);
            return this;
        }

        @Override
        public RelWriter done(RelNode node) {
            return this;
        }
    }
}
