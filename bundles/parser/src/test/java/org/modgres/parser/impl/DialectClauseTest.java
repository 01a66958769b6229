package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.plannable;
import static org.modgres.parser.impl.Parsing.tree;

import java.util.List;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;
import org.modgres.parser.impl.syntax.PgSyntax;

/** RETURNING, ON CONFLICT, parameters in LIMIT and OFFSET, DISTINCT ON. */
class DialectClauseTest {

    @Test
    void returningFollowsInsertUpdateAndDelete() {
        SqlNodeList insert = tree(SqlNodeList.class, "insert into t(name) values ($1)\nRETURNING *");
        assertEquals(2, insert.size());
        assertInstanceOf(SqlInsert.class, insert.get(0));
        assertEquals(SqlKind.IDENTIFIER, returning(insert).get(0).getKind());
        assertTrue(((SqlIdentifier) returning(insert).get(0)).isStar());

        SqlNodeList update = tree(SqlNodeList.class, "update t set a = a + 1 where b = $2 returning a, b * $1 as c");
        assertInstanceOf(SqlUpdate.class, update.get(0));
        assertEquals(2, returning(update).size());
        assertEquals(SqlKind.AS, returning(update).get(1).getKind());

        SqlNodeList delete = tree(SqlNodeList.class, "delete from t as x where a = 1 returning x.*, \"id\"");
        assertEquals("x", assertInstanceOf(SqlDelete.class, delete.get(0)).getAlias().getSimple());
        assertEquals(List.of("id"), ((SqlIdentifier) returning(delete).get(1)).names);
    }

    @Test
    void dmlWithClausesKeepsItsKindAndCountsParametersEverywhere() {
        PlannableStatement statement = plannable("update t set a = $1 returning a + $3");
        assertEquals(StatementKind.UPDATE, statement.kind());
        assertEquals(3, statement.parameterCount());
        assertEquals(StatementKind.INSERT, plannable("insert into t values (1) on conflict do nothing").kind());
        assertEquals(StatementKind.DELETE, plannable("delete from t returning 1").kind());
    }

    @Test
    void dmlWithoutClausesIsCalcitesNode() {
        assertInstanceOf(SqlDelete.class, plannable("delete from t").syntaxTree());
        assertInstanceOf(SqlInsert.class, plannable("insert into t select * from u").syntaxTree());
    }

    @Test
    void onConflictDoNothingWithAndWithoutTarget() {
        SqlNodeList any = tree(SqlNodeList.class, "insert into t values (1) on conflict do nothing");
        assertEquals(3, any.size());
        assertTrue(returning(any).isEmpty());
        assertTrue(((SqlNodeList) any.get(2)).isEmpty());

        SqlNodeList keyed = tree(SqlNodeList.class,
                "insert into t select * from u on conflict (a, b) do nothing returning a");
        assertEquals(3, keyed.size());
        assertEquals(1, returning(keyed).size());
        assertEquals(List.of("a", "b"), ((SqlNodeList) keyed.get(2)).stream()
                .map(n -> ((SqlIdentifier) n).getSimple()).toList());
    }

    @Test
    void onConflictDoUpdateIsAnUpdateOfTheTarget() {
        PlannableStatement statement = plannable("insert into s.t (id, v) values ($1, $2) on conflict (id) "
                + "do update set v = excluded.v || t.v, n = $3 where t.v <> excluded.v returning *");
        SqlNodeList list = assertInstanceOf(SqlNodeList.class, statement.syntaxTree());
        assertEquals(4, list.size());
        SqlUpdate update = assertInstanceOf(SqlUpdate.class, list.get(3));
        assertEquals(List.of("s", "t"), ((SqlIdentifier) update.getTargetTable()).names);
        assertEquals(List.of("v", "n"), update.getTargetColumnList().stream()
                .map(n -> ((SqlIdentifier) n).getSimple()).toList());
        assertEquals(2, update.getSourceExpressionList().size());
        assertEquals(SqlKind.NOT_EQUALS, update.getCondition().getKind());
        assertEquals(3, statement.parameterCount());
    }

    @Test
    void onConflictWordsStayNames() {
        SqlSelect select = tree(SqlSelect.class, "select conflict, nothing from t");
        assertEquals(2, select.getSelectList().size());
    }

    @Test
    void onConflictOnConstraintIsNotSupported() {
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED,
                error("insert into t values (1) on conflict on constraint t_pkey do nothing").sqlState());
    }

    @Test
    void limitOffsetAndFetchTakeParameters() {
        SqlOrderBy limit = tree(SqlOrderBy.class, "select a from t order by a limit $2 offset $1");
        assertEquals(1, assertInstanceOf(SqlDynamicParam.class, limit.fetch).getIndex());
        assertEquals(0, assertInstanceOf(SqlDynamicParam.class, limit.offset).getIndex());
        assertEquals(2, plannable("select a from t limit $2 offset $1").parameterCount());

        SqlOrderBy fetch = tree(SqlOrderBy.class, "select a from t offset $1 rows fetch first $2 rows only");
        assertEquals(1, assertInstanceOf(SqlDynamicParam.class, fetch.fetch).getIndex());
        SqlSelect outer = tree(SqlSelect.class, "select * from (select a from t limit $1) s");
        assertInstanceOf(SqlCall.class, outer.getFrom());
    }

    @Test
    void distinctOnIsMarkedInQualifyWithoutDistinct() {
        SqlOrderBy query = tree(SqlOrderBy.class, "select distinct on (a, b + 1) a, b, c from t order by a, b + 1, c");
        SqlSelect select = (SqlSelect) query.query;
        assertFalse(select.isDistinct());
        SqlCall marker = assertInstanceOf(SqlCall.class, select.getQualify());
        assertEquals(PgSyntax.DISTINCT_ON.getName(), marker.getOperator().getName());
        assertEquals(2, marker.operandCount());
        assertEquals(SqlKind.PLUS, marker.operand(1).getKind());
        assertEquals(3, select.getSelectList().size());
    }

    @Test
    void distinctOnWorksInSubqueriesAndPlainDistinctIsUnchanged() {
        SqlSelect outer = tree(SqlSelect.class, "select * from (select distinct on (a) a from t) s");
        SqlSelect inner = (SqlSelect) ((SqlCall) outer.getFrom()).operand(0);
        assertEquals(PgSyntax.DISTINCT_ON.getName(), ((SqlCall) inner.getQualify()).getOperator().getName());
        SqlSelect distinct = tree(SqlSelect.class, "select distinct a from t");
        assertTrue(distinct.isDistinct());
        assertNull(distinct.getQualify());
    }

    private static SqlNodeList returning(SqlNodeList dml) {
        return (SqlNodeList) dml.get(1);
    }
}
