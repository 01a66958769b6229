package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * The savepoints of one transaction, by number: where its undo log, its redo records and its
 * locks stood when each was set, so that rolling back to one can put all three back there.
 */
final class Savepoints {

    /** Where the undo log, the redo records and the locks stood when a savepoint was set. */
    record Mark(int undoEntries, long redoMark, TransactionLocks.Mark locks) {
    }

    private final List<Mark> marks = new ArrayList<>();

    /** Sets a savepoint here; returns its number. */
    long set(Mark mark) {
        marks.add(mark);
        return marks.size() - 1;
    }

    /**
     * Returns the mark of a savepoint to roll back to.
     *
     * @param undoEntries the length of the undo log now
     * @throws IllegalArgumentException when there is no such savepoint, or it was rolled back past
     */
    Mark rollbackTarget(long savepoint, int undoEntries) {
        Mark mark = marks.get(index(savepoint));
        if (mark.undoEntries() > undoEntries) {
            throw new IllegalArgumentException("savepoint " + savepoint + " was rolled back already");
        }
        return mark;
    }

    /** Forgets a savepoint and every later one. */
    void release(long savepoint) {
        marks.subList(index(savepoint), marks.size()).clear();
    }

    private int index(long savepoint) {
        if (savepoint < 0 || savepoint >= marks.size()) {
            throw new IllegalArgumentException("no savepoint " + savepoint);
        }
        return (int) savepoint;
    }
}
