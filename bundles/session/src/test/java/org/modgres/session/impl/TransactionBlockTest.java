package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.IsolationLevel;
import org.modgres.api.storage.TableDefinition;
import org.modgres.shmem.impl.SharedStorageImpl;

class TransactionBlockTest {

    private final SharedStorageImpl storage = new SharedStorageImpl();
    private final SessionSettings settings = new SessionSettings("postgres");
    private final TransactionBlock block = new TransactionBlock(storage, settings, new Interrupts());

    private static TableDefinition table(String name) {
        return new TableDefinition("public", name, List.of(), List.of());
    }

    @Test
    void implicit_transaction_commits_at_the_end_of_the_message() {
        block.current().createTable(table("t1"));
        block.endImplicit();
        assertTrue(storage.catalog().table("public", "t1").isPresent());
        assertEquals(TransactionBlock.State.IDLE, block.state());
    }

    @Test
    void error_outside_a_block_rolls_the_implicit_transaction_back() {
        block.current().createTable(table("t2"));
        block.fail();
        assertTrue(storage.catalog().table("public", "t2").isEmpty());
        assertEquals(TransactionBlock.State.IDLE, block.state());
    }

    @Test
    void error_inside_a_block_fails_it_until_rollback() {
        assertTrue(block.begin());
        assertFalse(block.begin(), "a second BEGIN only warns");
        block.current().createTable(table("t3"));
        block.fail();
        assertEquals(TransactionBlock.State.FAILED, block.state());
        assertEquals(SqlState.IN_FAILED_SQL_TRANSACTION,
                assertThrows(PgException.class, block::current).sqlState());
        assertEquals("ROLLBACK", block.commit(), "COMMIT of a failed block rolls back");
        assertTrue(storage.catalog().table("public", "t3").isEmpty());
        assertEquals(TransactionBlock.State.IDLE, block.state());
    }

    @Test
    void block_spans_messages_and_commit_ends_it() {
        int[] ends = new int[1];
        block.onEnd(() -> ends[0]++);
        assertTrue(block.begin());
        var first = block.current();
        block.endImplicit();
        assertSame(first, block.current(), "Sync inside a block keeps the transaction");
        assertEquals("COMMIT", block.commit());
        assertEquals(1, ends[0]);
        assertNull(block.commit(), "COMMIT without a block only warns");
        assertFalse(block.rollback());
    }

    @Test
    void storage_transaction_starts_with_the_first_statement_at_the_level_chosen_until_then() {
        assertTrue(block.begin());
        assertFalse(block.started());
        block.setCharacteristic("transaction_isolation", "repeatable read");
        assertEquals(IsolationLevel.REPEATABLE_READ, block.startStatement().isolation());
        assertTrue(block.started());
        PgException late = assertThrows(PgException.class,
                () -> block.setCharacteristic("transaction_isolation", "read committed"));
        assertEquals(SqlState.ACTIVE_SQL_TRANSACTION, late.sqlState());
        assertEquals("SET TRANSACTION ISOLATION LEVEL must be called before any query", late.getMessage());
        block.setCharacteristic("transaction_isolation", "repeatable read");
        assertEquals("COMMIT", block.commit());
        assertEquals("read committed", settings.get("transaction_isolation"), "the next transaction has the default");
    }

    @Test
    void savepoints_nest_and_rollback_to_keeps_the_savepoint_and_revives_a_failed_block() {
        assertTrue(block.begin());
        block.savepoint("a");
        block.startStatement().createTable(table("sp1"));
        block.savepoint("b");
        block.savepoint("a");
        block.startStatement().createTable(table("sp2"));
        block.fail();
        assertEquals(TransactionBlock.State.FAILED, block.state());
        block.rollbackTo("a");
        assertEquals(TransactionBlock.State.IN_BLOCK, block.state());
        assertTrue(storage.catalog().table("public", "sp2").isEmpty(), "the latest savepoint of the name counts");
        assertTrue(storage.catalog().table("public", "sp1").isPresent());
        block.release("b");
        assertEquals(SqlState.INVALID_SAVEPOINT_SPECIFICATION,
                assertThrows(PgException.class, () -> block.rollbackTo("b")).sqlState());
        block.rollbackTo("a");
        assertTrue(storage.catalog().table("public", "sp1").isEmpty(), "the first savepoint a is the one left");
        block.rollbackTo("a");
        assertEquals("COMMIT", block.commit());
    }

    @Test
    void savepoint_set_before_the_storage_transaction_started_undoes_everything() {
        assertTrue(block.begin());
        block.savepoint("start");
        block.startStatement().createTable(table("sp3"));
        block.rollbackTo("start");
        assertTrue(storage.catalog().table("public", "sp3").isEmpty());
        assertEquals("COMMIT", block.commit());
    }

    @Test
    void savepoints_need_a_block() {
        PgException e = assertThrows(PgException.class, () -> block.savepoint("x"));
        assertEquals(SqlState.NO_ACTIVE_SQL_TRANSACTION, e.sqlState());
        assertEquals("SAVEPOINT can only be used in transaction blocks", e.getMessage());
        assertEquals("ROLLBACK TO SAVEPOINT can only be used in transaction blocks",
                assertThrows(PgException.class, () -> block.rollbackTo("x")).getMessage());
        assertEquals("RELEASE SAVEPOINT can only be used in transaction blocks",
                assertThrows(PgException.class, () -> block.release("x")).getMessage());
    }
}
