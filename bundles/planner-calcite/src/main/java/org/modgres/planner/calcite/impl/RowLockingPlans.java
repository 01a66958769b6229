package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.RowLocking;
import org.modgres.api.storage.RowLockWait;

/**
 * SELECT's locking clause (a call named {@code ROW LOCKING} of the query, the strength, what to do
 * with held rows and the tables of OF; see the parser's RowLockingMarker): checks what PostgreSQL
 * refuses to lock and marks the plan of the query with {@link RowLocking}. Modgres locks the rows
 * of a query over one table; a join is refused as not supported yet.
 */
final class RowLockingPlans {

    static final String MARKER = "ROW LOCKING";

    private RowLockingPlans() {
    }

    static boolean isMarker(SqlNode tree) {
        return tree instanceof SqlCall call && call.getOperator().getName().equals(MARKER);
    }

    /** Returns the query of the clause, which is planned as any query is. */
    static SqlNode query(SqlNode marker) {
        return ((SqlCall) marker).operand(0);
    }

    /** Returns the refusals PostgreSQL gives for a query it does not lock, checked before planning. */
    static void checkQuery(SqlNode marker) {
        SqlCall call = (SqlCall) marker;
        String strength = ((SqlLiteral) call.operand(1)).getValueAs(String.class);
        SqlNode query = call.operand(0);
        if (query instanceof SqlOrderBy orderBy) {
            query = orderBy.query;
        }
        if (query.getKind() == SqlKind.UNION || query.getKind() == SqlKind.INTERSECT
                || query.getKind() == SqlKind.EXCEPT) {
            throw notAllowed(strength, "UNION/INTERSECT/EXCEPT");
        }
        if (query instanceof SqlSelect select) {
            if (select.isDistinct()) {
                throw notAllowed(strength, "DISTINCT clause");
            }
            if (select.getGroup() != null && !select.getGroup().isEmpty()) {
                throw notAllowed(strength, "GROUP BY clause");
            }
            if (select.getHaving() != null) {
                throw notAllowed(strength, "HAVING clause");
            }
        }
    }

    /** Returns the plan of the query, marked to lock the rows it reads. */
    static RelationalPlan lock(RelationalPlan plan, SqlNode marker, String text) {
        SqlCall call = (SqlCall) marker;
        String strength = ((SqlLiteral) call.operand(1)).getValueAs(String.class);
        RowLockWait wait = RowLockWait.valueOf(((SqlLiteral) call.operand(2)).getValueAs(String.class));
        List<TableScan> scans = new ArrayList<>();
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                if (node instanceof Aggregate) {
                    throw notAllowed(strength, "aggregate functions");
                }
                if (node instanceof Window) {
                    throw notAllowed(strength, "window functions");
                }
                if (node instanceof SetOp) {
                    throw notAllowed(strength, "UNION/INTERSECT/EXCEPT");
                }
                if (node instanceof TableScan scan) {
                    scans.add(scan);
                }
                super.visit(node, ordinal, parent);
            }
        }.go(plan.root());
        List<String> named = fromNames(query(marker));
        for (SqlNode table : (SqlNodeList) call.operand(3)) {
            String name = ((SqlIdentifier) table).names.getLast();
            if (!named.contains(name)) {
                SqlParserPos pos = table.getParserPosition();
                throw new PgException(SqlState.UNDEFINED_TABLE, Severity.ERROR, "relation \"" + name + "\" in "
                        + strength + " clause not found in FROM clause", null, null,
                        ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()), null);
            }
        }
        if (scans.isEmpty()) {
            // nothing to lock, as in SELECT 1 FOR UPDATE
            return plan;
        }
        if (scans.size() > 1) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    strength + " of a query that reads more than one table is not supported yet");
        }
        if (scans.getFirst().getTable().unwrap(SystemRelation.class) != null) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot lock rows in relation \"" + scans.getFirst().getTable().getQualifiedName().getLast()
                            + "\"");
        }
        return plan.withRowLocking(new RowLocking(strength, wait));
    }

    private static PgException notAllowed(String strength, String what) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                strength.toUpperCase(Locale.ROOT) + " is not allowed with " + what);
    }

    /** Returns the names and aliases of the FROM clause's tables, which OF may name. */
    private static List<String> fromNames(SqlNode query) {
        SqlNode select = query instanceof SqlOrderBy orderBy ? orderBy.query : query;
        List<String> names = new ArrayList<>();
        if (select instanceof SqlSelect s && s.getFrom() != null) {
            collect(s.getFrom(), names);
        }
        return names;
    }

    private static void collect(SqlNode from, List<String> names) {
        switch (from) {
            case SqlIdentifier identifier -> names.add(identifier.names.getLast());
            case SqlBasicCall as when as.getKind() == SqlKind.AS -> {
                names.add(((SqlIdentifier) as.operand(1)).getSimple());
                collect(as.operand(0), names);
            }
            case SqlJoin join -> {
                collect(join.getLeft(), names);
                collect(join.getRight(), names);
            }
            default -> {
            }
        }
    }
}
