package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.storage.SequenceOwner;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Sequences: values outside transactions, definitions inside them, and neither lost in a crash. */
class SequenceTest extends DataDirectoryTestBase {

    private static final SequenceOptions BIGINT = new SequenceOptions(PgType.INT8, 1, 1, 1, Long.MAX_VALUE, 1, false);

    private static SequenceInfo create(StorageEngine engine, String name, SequenceOptions options) {
        Transaction t = engine.begin();
        SequenceInfo info = t.createSequence("public", name, options, null);
        t.commit();
        return info;
    }

    private static long next(StorageEngine engine, SequenceInfo sequence) {
        Transaction t = engine.begin();
        long value = t.nextval(sequence.oid());
        t.commit();
        return value;
    }

    @Test
    void values_are_not_taken_back_by_rollback_but_the_creation_is() {
        StorageEngine engine = StorageEngine.inMemory();
        SequenceInfo s = create(engine, "s", BIGINT);
        assertEquals(1, next(engine, s));
        Transaction t = engine.begin();
        assertEquals(2, t.nextval(s.oid()));
        t.rollback();
        assertEquals(3, next(engine, s));

        Transaction creating = engine.begin();
        creating.createSequence("public", "r", BIGINT, null);
        assertTrue(engine.catalog().sequence("public", "r").isPresent());
        creating.rollback();
        assertFalse(engine.catalog().sequence("public", "r").isPresent());
    }

    @Test
    void a_relation_name_is_either_a_table_or_a_sequence() {
        StorageEngine engine = StorageEngine.inMemory();
        create(engine, "s", BIGINT);
        Transaction t = engine.begin();
        PgException duplicate = assertThrows(PgException.class, () -> t.createTable(
                new TableDefinition("public", "s", List.of(new ColumnInfo("a", ColumnType.of(PgType.INT4), false)),
                        List.of())));
        assertEquals(SqlState.DUPLICATE_TABLE, duplicate.sqlState());
        assertEquals("relation \"s\" already exists", duplicate.getMessage());
        PgException notTable = assertThrows(PgException.class, () -> t.dropTable("public", "s"));
        assertEquals(SqlState.WRONG_OBJECT_TYPE, notTable.sqlState());
        assertEquals("\"s\" is not a table", notTable.getMessage());
        PgException missing = assertThrows(PgException.class, () -> t.dropSequence("public", "nope"));
        assertEquals(SqlState.UNDEFINED_TABLE, missing.sqlState());
        t.rollback();
    }

    @Test
    void limits_cycles_and_setval_follow_postgres() {
        StorageEngine engine = StorageEngine.inMemory();
        SequenceInfo small = create(engine, "small", new SequenceOptions(PgType.INT2, 1, 1, 1, 2, 1, false));
        assertEquals(1, next(engine, small));
        assertEquals(2, next(engine, small));
        PgException end = assertThrows(PgException.class, () -> next(engine, small));
        assertEquals(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, end.sqlState());
        assertEquals("nextval: reached maximum value of sequence \"small\" (2)", end.getMessage());

        SequenceInfo down = create(engine, "down", new SequenceOptions(PgType.INT8, -1, -1, -3, -1, 1, true));
        assertEquals(List.of(-1L, -2L, -3L, -1L), List.of(next(engine, down), next(engine, down),
                next(engine, down), next(engine, down)));

        SequenceInfo s = create(engine, "s", BIGINT);
        Transaction t = engine.begin();
        t.setval(s.oid(), 10, true);
        assertEquals(11, t.nextval(s.oid()));
        t.setval(s.oid(), 20, false);
        assertEquals(20, t.nextval(s.oid()));
        PgException bounds = assertThrows(PgException.class, () -> t.setval(s.oid(), 0, true));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, bounds.sqlState());
        assertEquals("setval: value 0 is out of bounds for sequence \"s\" (1..9223372036854775807)",
                bounds.getMessage());
        t.commit();
    }

    @Test
    void dropping_a_table_drops_the_sequences_it_owns() {
        StorageEngine engine = StorageEngine.inMemory();
        Transaction t = engine.begin();
        TableInfo table = t.createTable(new TableDefinition("public", "t",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true)), List.of()));
        t.createSequence("public", "t_id_seq", BIGINT, new SequenceOwner("public", table.name(), "id"));
        PgException column = assertThrows(PgException.class, () -> t.createSequence("public", "x", BIGINT,
                new SequenceOwner("public", "t", "nope")));
        assertEquals(SqlState.UNDEFINED_COLUMN, column.sqlState());
        t.commit();

        Transaction dropping = engine.begin();
        dropping.dropTable("public", "t");
        assertFalse(engine.catalog().sequence("public", "t_id_seq").isPresent());
        dropping.rollback();
        assertTrue(engine.catalog().sequence("public", "t_id_seq").isPresent());
    }

    @Test
    void no_value_handed_out_comes_again_after_a_crash() throws IOException {
        StorageEngine engine = start();
        SequenceInfo s = create(engine, "s", BIGINT);
        long last = 0;
        for (int i = 0; i < 40; i++) {
            last = next(engine, s);
        }
        Transaction rolledBack = engine.begin();
        long notReturned = rolledBack.nextval(s.oid());
        rolledBack.rollback();

        engine = restartAfterCrash(engine);
        long after = next(engine, s);
        assertTrue(after > notReturned && notReturned > last, after + " after " + notReturned);
        assertEquals(s, engine.catalog().sequence("public", "s").orElseThrow());
    }

    @Test
    void a_sequence_created_and_used_in_one_transaction_resumes_after_a_crash() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        SequenceInfo s = t.createSequence("public", "s", BIGINT, null);
        long savepoint = t.savepoint();
        for (int i = 0; i < 5; i++) {
            t.nextval(s.oid());
        }
        t.rollbackTo(savepoint);
        t.commit();
        Transaction uncommitted = engine.begin();
        uncommitted.createSequence("public", "gone", BIGINT, null);

        engine = restartAfterCrash(engine);
        assertTrue(next(engine, s) > 5);
        assertFalse(engine.catalog().sequence("public", "gone").isPresent());
    }

    @Test
    void a_checkpoint_keeps_values_and_definitions_and_a_clean_restart_continues_without_a_gap() throws IOException {
        StorageEngine engine = start();
        SequenceInfo s = create(engine, "s", BIGINT);
        SequenceInfo dropped = create(engine, "dropped", BIGINT);
        assertEquals(1, next(engine, s));
        assertEquals(2, next(engine, s));
        Transaction dropping = engine.begin();
        dropping.dropSequence("public", "dropped");
        dropping.commit();
        Transaction creating = engine.begin();
        creating.createSequence("public", "active", BIGINT, null);
        assertTrue(engine.checkpoint());
        creating.rollback();
        engine.close();

        engine = start();
        assertEquals(3, next(engine, s));
        assertFalse(engine.catalog().sequence("public", dropped.name()).isPresent());
        assertFalse(engine.catalog().sequence("public", "active").isPresent());
        // after the checkpoint the values are logged again, so a crash now loses nothing either
        long value = next(engine, s);
        engine = restartAfterCrash(engine);
        assertTrue(next(engine, s) > value);
    }

    @Test
    void column_defaults_and_identities_are_kept_through_the_log_and_checkpoints() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        TableInfo created = t.createTable(new TableDefinition("public", "d", List.of(
                new ColumnInfo("id", ColumnType.of(PgType.INT8), true, "nextval('d_id_seq')",
                        ColumnInfo.Identity.ALWAYS),
                new ColumnInfo("n", ColumnType.of(PgType.INT4), false, "7", null),
                new ColumnInfo("s", ColumnType.of(PgType.TEXT), false)), List.of()));
        t.commit();
        engine = restartAfterCrash(engine);
        assertEquals(created, engine.catalog().table("public", "d").orElseThrow());

        Transaction altering = engine.begin();
        TableInfo altered = altering.setColumnDefault("public", "d", "s", "'x' || 'y'");
        altering.setColumnDefault("public", "d", "n", null);
        PgException identity = assertThrows(PgException.class,
                () -> altering.setColumnDefault("public", "d", "id", "5"));
        assertEquals("column \"id\" of relation \"d\" is an identity column", identity.getMessage());
        altering.commit();
        assertEquals("'x' || 'y'", altered.columns().get(2).defaultExpression());
        TableInfo expected = engine.catalog().table("public", "d").orElseThrow();
        assertEquals(null, expected.columns().get(1).defaultExpression());

        Transaction rolledBack = engine.begin();
        rolledBack.setColumnDefault("public", "d", "n", "9");
        rolledBack.rollback();
        assertEquals(expected, engine.catalog().table("public", "d").orElseThrow());

        engine = restartAfterCrash(engine);
        assertEquals(expected, engine.catalog().table("public", "d").orElseThrow());
        assertTrue(engine.checkpoint());
        engine = restartAfterCrash(engine);
        assertEquals(expected, engine.catalog().table("public", "d").orElseThrow());
    }

    @Test
    void concurrent_sessions_never_get_the_same_value_even_across_a_crash() throws Exception {
        StorageEngine engine = start();
        SequenceInfo s = create(engine, "s", BIGINT);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        StorageEngine shared = engine;
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; n < 500; n++) {
                    assertTrue(seen.add(next(shared, s)));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4000, seen.size());
        engine = restartAfterCrash(engine);
        assertTrue(next(engine, s) > Collections.max(seen));
    }
}
