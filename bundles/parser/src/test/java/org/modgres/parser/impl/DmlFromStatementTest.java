package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modgres.parser.impl.Parsing.plannable;
import static org.modgres.parser.impl.Parsing.tree;

import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.junit.jupiter.api.Test;
import org.modgres.api.sql.StatementKind;

/** UPDATE ... FROM, DELETE ... USING and WITH before INSERT, UPDATE and DELETE. */
class DmlFromStatementTest {

    @Test
    void updateFromKeepsTheFromItemsBesideTheUpdate() {
        SqlNodeList tree = tree(SqlNodeList.class, "update t as x set a = o.b from o, p where o.id = x.id");
        SqlUpdate update = assertInstanceOf(SqlUpdate.class, tree.get(0));
        assertEquals("X", update.getAlias().getSimple().toUpperCase());
        assertEquals(0, ((SqlNodeList) tree.get(1)).size());
        SqlJoin from = assertInstanceOf(SqlJoin.class, ((SqlNodeList) tree.get(2)).get(0));
        assertEquals("o", ((SqlIdentifier) from.getLeft()).getSimple());
        assertEquals(StatementKind.UPDATE, plannable("update t set a = o.b from o where o.id = t.id").kind());
    }

    @Test
    void updateFromWithReturning() {
        SqlNodeList tree = tree(SqlNodeList.class, "update t set a = o.b from o where o.id = t.id returning t.a, o.b");
        assertEquals(2, ((SqlNodeList) tree.get(1)).size());
        assertEquals(SqlKind.IDENTIFIER, ((SqlNodeList) tree.get(2)).get(0).getKind());
    }

    @Test
    void deleteUsing() {
        SqlNodeList tree = tree(SqlNodeList.class, "delete from t a using o join p on p.id = o.id where a.id = o.id returning *");
        SqlDelete delete = assertInstanceOf(SqlDelete.class, tree.get(0));
        assertEquals("a", delete.getAlias().getSimple());
        assertInstanceOf(SqlJoin.class, ((SqlNodeList) tree.get(2)).get(0));
        assertEquals(StatementKind.DELETE, plannable("delete from t using o where o.id = t.id").kind());
    }

    @Test
    void withBeforeDml() {
        SqlWith update = tree(SqlWith.class, "with c as (select 1 as id) update t set a = 1 where id in (select id from c)");
        assertInstanceOf(SqlUpdate.class, update.body);
        assertEquals("c", ((SqlWithItem) update.withList.get(0)).name.getSimple());
        SqlWith insert = tree(SqlWith.class, "with recursive n(i) as (select 1 union all select i + 1 from n where i < 3) "
                        + "insert into t select i from n returning *");
        SqlNodeList body = assertInstanceOf(SqlNodeList.class, insert.body);
        assertInstanceOf(SqlInsert.class, body.get(0));
        assertTrue(((SqlWithItem) insert.withList.get(0)).recursive.booleanValue());
        assertEquals(StatementKind.INSERT, plannable("with c as (select 1) insert into t select * from c").kind());
        assertEquals(StatementKind.DELETE,
                plannable("with c as (select 1 as id) delete from t using c where c.id = t.id").kind());
        assertEquals(StatementKind.SELECT, plannable("with c as (select 1 as id) select * from c").kind());
    }
}
