package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;

/**
 * Chooses scans through B-tree indexes after the rewrites: a scan of a table under a filter that
 * bounds the leading columns of one of its indexes becomes a {@link ModgresIndexScan} of that range
 * (the filter stays above it), and a sort that the index's order already gives goes, leaving its
 * LIMIT and OFFSET.
 *
 * <p>The choice, without statistics of the values (ANALYZE gathers none yet, so Calcite knows no
 * row counts either), follows PostgreSQL's default selectivities, which its planner uses for
 * values it cannot estimate and for the parameters of a generic plan, as lifted literals are
 * here: an equality keeps 0.5% of the rows, a range bounded on both sides 0.5%, on one side a
 * third. A range scan is chosen when its index is estimated to keep at most a tenth of the rows
 * (so {@code a BETWEEN $1 AND $2} and {@code a = $1 AND b > $2} use it, {@code a > $1} does not),
 * the most selective index winning. Without such a range, an index whose order gives a sort's
 * order is read in that order when the sort has a LIMIT, a parameter or at most
 * {@value #ORDERED_SCAN_MAX_ROWS} rows with its OFFSET: the scan stops after those rows instead of
 * sorting the table. A chosen range scan that gives the order always drops the sort. Equalities
 * pinning a whole key are left to the executor's key lookup, which needs no order.
 */
final class IndexScans {

    /** PostgreSQL's DEFAULT_EQ_SEL. */
    private static final double EQUALITY_SELECTIVITY = 0.005;
    /** PostgreSQL's DEFAULT_RANGE_INEQ_SEL, for a range bounded on both sides. */
    private static final double RANGE_SELECTIVITY = 0.005;
    /** PostgreSQL's DEFAULT_INEQ_SEL, for a range bounded on one side. */
    private static final double OPEN_RANGE_SELECTIVITY = 1.0 / 3;
    /** The largest share of a table a range scan is estimated to read. */
    private static final double RANGE_SCAN_MAX_FRACTION = 0.1;
    /** The most rows (LIMIT plus OFFSET) for which an ordered index scan replaces a sort. */
    static final long ORDERED_SCAN_MAX_ROWS = 10_000;

    /** An index of the table: its name and columns. */
    private record Index(String name, List<Integer> columns) {
    }

    /** A sort key on a column of the scanned table. */
    private record SortKey(int column, boolean descending) {
    }

    /** A chosen scan: an index, its range and direction, and whether it gives the sort's order. */
    private record Choice(Index index, List<RexNode> lower, boolean lowerInclusive, List<RexNode> upper,
                          boolean upperInclusive, boolean descending, boolean givesOrder) {
    }

    private IndexScans() {
    }

    /** Returns the plan with index scans where they pay. */
    static RelNode choose(RelNode rel) {
        if (rel instanceof Sort sort) {
            RelNode ordered = sorted(sort);
            if (ordered != null) {
                return ordered;
            }
        }
        if (rel instanceof Filter filter && filter.getInput() instanceof TableScan scan) {
            Choice choice = choice(scan, filter.getCondition(), null, false);
            if (choice != null) {
                return filter.copy(filter.getTraitSet(), List.of(indexScan(scan, choice)));
            }
        }
        List<RelNode> inputs = rel.getInputs();
        List<RelNode> chosen = new ArrayList<>(inputs.size());
        boolean changed = false;
        for (RelNode input : inputs) {
            RelNode newInput = choose(input);
            changed |= newInput != input;
            chosen.add(newInput);
        }
        return changed ? rel.copy(rel.getTraitSet(), chosen) : rel;
    }

    /**
     * Plans a sort over projections and a filter of a table's scan; returns null when no index
     * scan is chosen there.
     */
    private static RelNode sorted(Sort sort) {
        List<RelFieldCollation> collations = sort.getCollation().getFieldCollations();
        int[] fields = new int[collations.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = collations.get(i).getFieldIndex();
        }
        RelNode node = sort.getInput();
        Filter filter = null;
        while (node instanceof Project || node instanceof Filter) {
            if (node instanceof Project project) {
                for (int i = 0; i < fields.length; i++) {
                    if (!(project.getProjects().get(fields[i]) instanceof RexInputRef ref)) {
                        return null;
                    }
                    fields[i] = ref.getIndex();
                }
            } else {
                filter = (Filter) node;
            }
            node = node.getInput(0);
        }
        if (!(node instanceof TableScan scan) || filter != null && filter.getInput() != scan) {
            return null;
        }
        List<SortKey> keys = fields.length == 0 ? null : new ArrayList<>();
        for (int i = 0; keys != null && i < fields.length; i++) {
            RelFieldCollation collation = collations.get(i);
            RelFieldCollation.Direction direction = collation.getDirection();
            if (direction != RelFieldCollation.Direction.ASCENDING && direction != RelFieldCollation.Direction.DESCENDING
                    || collation.nullDirection != RelFieldCollation.NullDirection.UNSPECIFIED
                    && collation.nullDirection != direction.defaultNullDirection()) {
                keys = null;
                break;
            }
            keys.add(new SortKey(fields[i], direction.isDescending()));
        }
        Choice choice = choice(scan, filter == null ? null : filter.getCondition(), keys, isSmallLimit(sort));
        if (choice == null) {
            return null;
        }
        RelNode input = replaceScan(sort.getInput(), scan, indexScan(scan, choice));
        if (!choice.givesOrder()) {
            return sort.copy(sort.getTraitSet(), List.of(input));
        }
        if (sort.offset == null && sort.fetch == null) {
            return input;
        }
        return sort.copy(sort.getTraitSet().replace(RelCollations.EMPTY), input, RelCollations.EMPTY, sort.offset,
                sort.fetch);
    }

    /** Whether a sort keeps few rows: a LIMIT that is a parameter, or small with its OFFSET. */
    private static boolean isSmallLimit(Sort sort) {
        if (sort.fetch == null) {
            return false;
        }
        long rows = 0;
        for (RexNode count : new RexNode[] {sort.fetch, sort.offset}) {
            if (count instanceof RexLiteral literal) {
                Long value = literal.getValueAs(Long.class);
                rows += value == null ? 0 : value;
            }
        }
        return rows <= ORDERED_SCAN_MAX_ROWS;
    }

    private static RelNode replaceScan(RelNode node, TableScan scan, RelNode indexScan) {
        if (node == scan) {
            return indexScan;
        }
        return node.copy(node.getTraitSet(), List.of(replaceScan(node.getInput(0), scan, indexScan)));
    }

    private static ModgresIndexScan indexScan(TableScan scan, Choice choice) {
        return new ModgresIndexScan(scan.getCluster(), scan.getTraitSet(), scan.getTable(), choice.index().name(),
                choice.index().columns(), choice.lower(), choice.lowerInclusive(), choice.upper(),
                choice.upperInclusive(), choice.descending());
    }

    /**
     * Chooses an index scan of a table under a filter condition (null for none), for a sort on
     * these keys (null for none or an order no index gives); null when a plain scan is better.
     */
    private static Choice choice(TableScan scan, RexNode condition, List<SortKey> sortKeys, boolean smallLimit) {
        CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
        if (table == null || scan instanceof ModgresIndexScan || condition == null && sortKeys == null) {
            return null;
        }
        TableInfo info = table.info();
        List<Index> indexes = indexes(info);
        IndexBounds bounds = IndexBounds.of(condition, info, scan.getCluster().getRexBuilder());
        for (Index index : indexes) {
            if (bounds.pinsForLookup(index.columns(), info)) {
                return null;
            }
        }
        Choice best = null;
        double bestSelectivity = RANGE_SCAN_MAX_FRACTION;
        Choice ordered = null;
        for (Index index : indexes) {
            Choice choice = range(index, bounds, sortKeys, info);
            if (choice == null) {
                continue;
            }
            double selectivity = selectivity(choice);
            if (selectivity < bestSelectivity || selectivity == bestSelectivity && best != null
                    && choice.givesOrder() && !best.givesOrder()) {
                best = choice;
                bestSelectivity = selectivity;
            }
            if (ordered == null && choice.givesOrder()) {
                ordered = choice;
            }
        }
        if (best != null) {
            return best;
        }
        return smallLimit ? ordered : null;
    }

    /** The primary key's, the UNIQUE constraints', then the other indexes, as PostgreSQL names them. */
    private static List<Index> indexes(TableInfo info) {
        List<Index> indexes = new ArrayList<>();
        if (!info.primaryKey().isEmpty()) {
            indexes.add(new Index(info.name() + "_pkey", info.primaryKey()));
        }
        info.constraints(TableConstraint.Unique.class).forEach(unique -> indexes.add(new Index(unique.name(),
                unique.columns())));
        info.indexes().stream().filter(TableIndex::unique).forEach(index -> indexes.add(new Index(index.name(),
                index.columns())));
        info.indexes().stream().filter(index -> !index.unique()).forEach(index -> indexes.add(new Index(index.name(),
                index.columns())));
        return indexes;
    }

    /**
     * The range of an index the bounds give: equalities on its leading columns, then the lower
     * and upper bounds of the next column; and whether its order gives the sort keys. Null when
     * the index neither bounds a column nor gives the order.
     */
    private static Choice range(Index index, IndexBounds bounds, List<SortKey> sortKeys, TableInfo info) {
        List<RexNode> lower = new ArrayList<>();
        List<RexNode> upper = new ArrayList<>();
        boolean lowerInclusive = true;
        boolean upperInclusive = true;
        int pinned = 0;
        for (int column : index.columns()) {
            IndexBounds.Column columnBounds = bounds.column(column);
            if (columnBounds == null || !IndexBounds.ORDERED_TYPES.contains(info.columns().get(column).type().type())) {
                break;
            }
            if (columnBounds.equal != null) {
                lower.add(columnBounds.equal);
                upper.add(columnBounds.equal);
                pinned++;
                continue;
            }
            if (columnBounds.lower != null) {
                lower.add(columnBounds.lower);
                lowerInclusive = columnBounds.lowerInclusive;
            }
            if (columnBounds.upper != null) {
                upper.add(columnBounds.upper);
                upperInclusive = columnBounds.upperInclusive;
            }
            break;
        }
        Boolean descending = sortKeys == null ? null : direction(index, pinned, sortKeys, info);
        if (lower.isEmpty() && upper.isEmpty() && descending == null) {
            return null;
        }
        return new Choice(index, lower, lowerInclusive, upper, upperInclusive, descending != null && descending,
                descending != null);
    }

    /**
     * The direction in which the index gives the sort keys' order, its first {@code pinned}
     * columns being fixed by equalities; null when it does not: the keys on unpinned columns
     * must be the next columns of the index, in one direction, with the NULLs where that
     * direction puts them.
     */
    private static Boolean direction(Index index, int pinned, List<SortKey> sortKeys, TableInfo info) {
        List<Integer> pinnedColumns = index.columns().subList(0, pinned);
        List<SortKey> remaining = sortKeys.stream().filter(key -> !pinnedColumns.contains(key.column())).toList();
        if (pinned + remaining.size() > index.columns().size()) {
            return null;
        }
        Boolean descending = null;
        for (int i = 0; i < remaining.size(); i++) {
            SortKey key = remaining.get(i);
            int column = index.columns().get(pinned + i);
            if (key.column() != column || descending != null && descending != key.descending()
                    || !IndexBounds.ORDERED_TYPES.contains(info.columns().get(column).type().type())) {
                return null;
            }
            descending = key.descending();
        }
        return descending == null ? Boolean.FALSE : descending;
    }

    private static double selectivity(Choice choice) {
        int pinned = 0;
        while (pinned < choice.lower().size() && pinned < choice.upper().size()
                && choice.lower().get(pinned) == choice.upper().get(pinned)) {
            pinned++;
        }
        double selectivity = Math.pow(EQUALITY_SELECTIVITY, pinned);
        boolean low = choice.lower().size() > pinned;
        boolean high = choice.upper().size() > pinned;
        if (low && high) {
            selectivity *= RANGE_SELECTIVITY;
        } else if (low || high) {
            selectivity *= OPEN_RANGE_SELECTIVITY;
        }
        return selectivity;
    }
}
