package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.modgres.parser.impl.Parsing.plannable;
import static org.modgres.parser.impl.Parsing.tree;

import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.junit.jupiter.api.Test;
import org.modgres.api.sql.StatementKind;

/** INSERT, UPDATE and DELETE as WITH queries: PostgreSQL's data-modifying WITH. */
class DataModifyingWithTest {

    @Test
    void deleteWithReturningBeforeAQuery() {
        SqlWith with = tree(SqlWith.class, "with d as (delete from t where a > 1 returning *) select * from d");
        SqlWithItem item = (SqlWithItem) with.withList.get(0);
        SqlNodeList dml = assertInstanceOf(SqlNodeList.class, item.query);
        assertInstanceOf(SqlDelete.class, dml.get(0));
        assertEquals(1, ((SqlNodeList) dml.get(1)).size());
        assertInstanceOf(SqlSelect.class, with.body);
        assertEquals(StatementKind.SELECT, plannable("with d as (delete from t returning *) select * from d").kind());
    }

    @Test
    void insertWithoutReturningIsItsOwnTree() {
        SqlWith with = tree(SqlWith.class, "with i as (insert into t values (1)) select 1");
        assertInstanceOf(SqlInsert.class, ((SqlWithItem) with.withList.get(0)).query);
    }

    @Test
    void updateBeforeAnInsertIsAnInsert() {
        String sql = "with u as (update t set a = a + 1 returning a), q as (select 1) insert into log select a from u";
        SqlWith with = tree(SqlWith.class, sql);
        SqlNodeList update = assertInstanceOf(SqlNodeList.class, ((SqlWithItem) with.withList.get(0)).query);
        assertInstanceOf(SqlUpdate.class, update.get(0));
        assertInstanceOf(SqlSelect.class, ((SqlWithItem) with.withList.get(1)).query);
        assertEquals(StatementKind.INSERT, plannable(sql).kind());
    }
}
