package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.storage.ObjectComment;
import org.modgres.api.storage.Transaction;

/** Comments on objects are set in transactions and survive crashes, checkpoints and restarts. */
class CommentStorageTest extends DataDirectoryTestBase {

    private static final ObjectComment TABLE = new ObjectComment(16400, ObjectComment.PG_CLASS, 0, "the table");
    private static final ObjectComment COLUMN = new ObjectComment(16400, ObjectComment.PG_CLASS, 2, "a column");
    private static final ObjectComment SCHEMA = new ObjectComment(16390, ObjectComment.PG_NAMESPACE, 0, "a schema");

    private static void set(Transaction transaction, ObjectComment comment) {
        transaction.setComment(comment.objectOid(), comment.classOid(), comment.subId(), comment.description());
    }

    private static void remove(Transaction transaction, ObjectComment comment) {
        transaction.setComment(comment.objectOid(), comment.classOid(), comment.subId(), null);
    }

    @Test
    void a_rollback_takes_a_comment_back() throws IOException {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        set(setup, TABLE);
        setup.commit();
        Transaction t = engine.begin();
        set(t, new ObjectComment(16400, ObjectComment.PG_CLASS, 0, "replaced"));
        set(t, COLUMN);
        remove(t, TABLE);
        assertEquals(List.of(COLUMN), engine.catalog().comments());
        t.rollback();
        assertEquals(List.of(TABLE), engine.catalog().comments());
        engine.close();
    }

    @Test
    void comments_survive_a_crash_a_checkpoint_and_a_restart() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        set(t, TABLE);
        set(t, COLUMN);
        set(t, SCHEMA);
        t.commit();
        Transaction removal = engine.begin();
        remove(removal, COLUMN);
        removal.commit();
        Transaction open = engine.begin();
        remove(open, TABLE);

        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(List.of(SCHEMA, TABLE), recovered.catalog().comments());

        Transaction pending = recovered.begin();
        remove(pending, SCHEMA);
        recovered.checkpoint();
        pending.rollback();
        recovered.close();
        StorageEngine again = start();
        assertEquals(List.of(SCHEMA, TABLE), again.catalog().comments());
        again.close();
    }
}
