package org.modgres.parser.impl.syntax;

import java.util.List;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.modgres.api.error.SqlState;

/**
 * Collects PostgreSQL's clauses of INSERT, UPDATE and DELETE that Calcite's nodes have no place
 * for, and builds the statement's tree. Without such clauses the tree is Calcite's
 * {@code SqlInsert}, {@code SqlUpdate} or {@code SqlDelete}; with them a {@link SqlNodeList}:
 * <ol start="0">
 *   <li>the DML node;</li>
 *   <li>the RETURNING items, as a select list ({@code *}, {@code t.*}, expressions, {@code AS}
 *       aliases), empty without RETURNING;</li>
 *   <li>only for INSERT ... ON CONFLICT: the conflict target, a list of column identifiers, empty
 *       when none is given;</li>
 *   <li>only for ON CONFLICT DO UPDATE: a {@code SqlUpdate} of the INSERT's target table with
 *       the SET columns and expressions and the WHERE condition, in which {@code excluded.c} names
 *       column c of the row proposed for insertion.</li>
 * </ol>
 * So a list of two elements is a statement with RETURNING, of three an INSERT ... ON CONFLICT DO
 * NOTHING, of four an INSERT ... ON CONFLICT DO UPDATE. For UPDATE ... FROM and DELETE ... USING
 * element 2 is instead a list of one node, the FROM or USING items (a table reference or a join).
 * A statement after WITH is a {@link SqlWith} whose body is the tree described here.
 */
public final class DmlClauses {

    private final SqlNode dml;
    private SqlNodeList returning;
    private SqlNodeList conflictTarget;
    private SqlUpdate conflictUpdate;
    private SqlNode from;
    private SqlNodeList withList;
    private String insertAlias;

    public DmlClauses(SqlNode dml) {
        this.dml = dml;
    }

    public SqlNode dml() {
        return dml;
    }

    public void returning(List<SqlNode> items, SqlParserPos pos) {
        returning = (SqlNodeList) withoutInsertAlias(new SqlNodeList(items, pos));
    }

    /** Records the FROM items of UPDATE or the USING items of DELETE: none or one node. */
    public void from(List<SqlNode> items) {
        from = items.isEmpty() ? null : items.get(0);
    }

    /** Records the alias of INSERT's table, if the list has one: {@code INSERT INTO t AS alias}. */
    public void insertAlias(List<SqlIdentifier> alias) {
        insertAlias = alias.isEmpty() ? null : alias.getFirst().getSimple();
    }

    /** Records the WITH list before the statement, or nothing for null. */
    public void with(SqlNodeList list) {
        withList = list;
    }

    /** Records ON CONFLICT with its target columns, or {@code null} when none are given. */
    public void onConflict(SqlNodeList target, SqlParserPos pos) {
        conflictTarget = target != null ? target : new SqlNodeList(pos);
    }

    /** Records DO UPDATE SET columns = values [WHERE condition]; PostgreSQL needs a conflict target for it. */
    public void doUpdate(SqlNodeList columns, SqlNodeList values, SqlNode where, SqlParserPos pos) {
        if (conflictTarget.isEmpty()) {
            throw new ParserException(SqlState.SYNTAX_ERROR,
                    "ON CONFLICT DO UPDATE requires inference specification or constraint name", pos)
                    .withHint("For example, ON CONFLICT (column_name).");
        }
        SqlNode table = ((SqlInsert) dml).getTargetTable();
        conflictUpdate = new SqlUpdate(pos, table, columns, (SqlNodeList) withoutInsertAlias(values),
                withoutInsertAlias(where), null, null);
    }

    /**
     * Returns a clause with INSERT's alias replaced by the table's name, {@code alias.c} by
     * {@code t.c}: the tree has no place for the alias.
     */
    private SqlNode withoutInsertAlias(SqlNode clause) {
        if (insertAlias == null || clause == null) {
            return clause;
        }
        String table = ((SqlIdentifier) ((SqlInsert) dml).getTargetTable()).names.getLast();
        return clause.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier identifier) {
                if (identifier.names.size() < 2 || !identifier.names.getFirst().equals(insertAlias)) {
                    return identifier;
                }
                return identifier.setName(0, table);
            }
        });
    }

    /** Returns the statement's tree, as the class comment describes it. */
    public SqlNode tree() {
        SqlNode tree = statementTree();
        return withList == null ? tree : new SqlWith(withList.getParserPosition(), withList, tree);
    }

    private SqlNode statementTree() {
        if (returning == null && conflictTarget == null && from == null) {
            return dml;
        }
        SqlParserPos pos = dml.getParserPosition();
        SqlNodeList tree = new SqlNodeList(pos);
        tree.add(dml);
        tree.add(returning != null ? returning : new SqlNodeList(pos));
        if (from != null) {
            tree.add(new SqlNodeList(List.of(from), from.getParserPosition()));
        }
        if (conflictTarget != null) {
            tree.add(conflictTarget);
            if (conflictUpdate != null) {
                tree.add(conflictUpdate);
            }
        }
        return tree;
    }
}
