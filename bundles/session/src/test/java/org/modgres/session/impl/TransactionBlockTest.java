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
import org.modgres.api.storage.TableDefinition;
import org.modgres.shmem.impl.SharedStorageImpl;

class TransactionBlockTest {

    private final SharedStorageImpl storage = new SharedStorageImpl();
    private final TransactionBlock block = new TransactionBlock(storage);

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
}
