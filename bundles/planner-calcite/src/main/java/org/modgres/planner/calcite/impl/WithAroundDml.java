package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * WITH before INSERT, UPDATE or DELETE. Calcite's statements have no WITH of their own, so each
 * place the statement reads a WITH query by name (in FROM or USING, in sub-queries, in INSERT's
 * query) becomes a derived table {@code (WITH queries SELECT * FROM name) AS name} holding the
 * WITH queries up to that one. The statement's target is a table, never a WITH query, as in
 * PostgreSQL. The queries are read-only, so evaluating one at each place it is read gives the
 * same rows.
 */
final class WithAroundDml extends SqlShuttle {

    private final SqlNodeList withList;

    private WithAroundDml(SqlNodeList withList) {
        this.withList = withList;
    }

    /** Returns the parts with the WITH queries moved into the places that read them. */
    static StatementParts inline(StatementParts parts) {
        if (parts.withList() == null) {
            return parts;
        }
        WithAroundDml inliner = new WithAroundDml(parts.withList());
        SqlNode main = parts.main();
        switch (main) {
            case SqlInsert insert -> insert.setOperand(2, insert.getSource().accept(inliner));
            case SqlUpdate update -> {
                SqlNodeList sources = update.getSourceExpressionList();
                for (int i = 0; i < sources.size(); i++) {
                    sources.set(i, sources.get(i).accept(inliner));
                }
                if (update.getCondition() != null) {
                    update.setOperand(3, update.getCondition().accept(inliner));
                }
            }
            case SqlDelete delete -> {
                if (delete.getCondition() != null) {
                    delete.setOperand(1, delete.getCondition().accept(inliner));
                }
            }
            default -> {
            }
        }
        SqlNode from = parts.from() == null ? null : inliner.tableReferences(parts.from());
        return parts.with(main, from);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlSelect select) {
            if (select.getFrom() != null) {
                select.setFrom(tableReferences(select.getFrom()));
            }
            select.setSelectList((SqlNodeList) select.getSelectList().accept(this));
            if (select.getWhere() != null) {
                select.setWhere(select.getWhere().accept(this));
            }
            if (select.getHaving() != null) {
                select.setHaving(select.getHaving().accept(this));
            }
            return select;
        }
        return super.visit(call);
    }

    /** Replaces the WITH queries read in a FROM clause by derived tables. */
    private SqlNode tableReferences(SqlNode from) {
        switch (from) {
            case SqlIdentifier identifier -> {
                int index = indexOf(identifier);
                return index < 0 ? identifier : SqlStdOperatorTable.AS.createCall(identifier.getParserPosition(),
                        derivedTable(index, identifier.getParserPosition()),
                        new SqlIdentifier(identifier.getSimple(), identifier.getParserPosition()));
            }
            case SqlJoin join -> {
                join.setLeft(tableReferences(join.getLeft()));
                join.setRight(tableReferences(join.getRight()));
                if (join.getCondition() != null) {
                    join.setOperand(5, join.getCondition().accept(this));
                }
                return join;
            }
            case SqlCall call when call.getKind() == SqlKind.AS
                    && call.operand(0) instanceof SqlIdentifier identifier && indexOf(identifier) >= 0 -> {
                call.setOperand(0, derivedTable(indexOf(identifier), identifier.getParserPosition()));
                return call;
            }
            default -> {
                return from.accept(this);
            }
        }
    }

    private int indexOf(SqlIdentifier identifier) {
        if (!identifier.isSimple()) {
            return -1;
        }
        for (int i = 0; i < withList.size(); i++) {
            if (((SqlWithItem) withList.get(i)).name.getSimple().equals(identifier.getSimple())) {
                return i;
            }
        }
        return -1;
    }

    /** Returns {@code (WITH queries 0..index SELECT * FROM name)}, its own copy of them. */
    private SqlNode derivedTable(int index, SqlParserPos pos) {
        List<SqlNode> items = new ArrayList<>();
        for (int i = 0; i <= index; i++) {
            items.add(SqlTrees.copy(withList.get(i)));
        }
        SqlWithItem item = (SqlWithItem) withList.get(index);
        SqlSelect select = new SqlSelect(pos, null, SqlNodeList.of(SqlIdentifier.star(pos)),
                new SqlIdentifier(item.name.getSimple(), pos), null, null, null, null, null, null, null, null, null);
        return new SqlWith(pos, new SqlNodeList(items, withList.getParserPosition()), select);
    }
}
