package org.modgres.api.sql;

import java.util.Objects;

/**
 * The SQL-level cursor statements: DECLARE, FETCH, MOVE and CLOSE. A cursor is a named portal
 * that lives until CLOSE or, unless declared WITH HOLD, the end of its transaction; FETCH and
 * MOVE read it forward only.
 */
public sealed interface CursorStatement extends Statement {

    /** Returns the cursor's name; null for {@code CLOSE ALL}. */
    String name();

    /**
     * {@code DECLARE name [NO SCROLL] CURSOR [WITH[OUT] HOLD] FOR query}.
     *
     * @param hold whether the cursor outlives its transaction (its rows are then read at once)
     */
    record Declare(String text, String name, PlannableStatement query, boolean hold) implements CursorStatement {
        public Declare {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(query, "query");
        }

        @Override
        public StatementKind kind() {
            return StatementKind.DECLARE_CURSOR;
        }
    }

    /**
     * {@code FETCH [FORWARD] [count | ALL | NEXT] [FROM | IN] name} returns the next rows, or MOVE,
     * which skips them.
     *
     * @param count the number of rows; {@link Long#MAX_VALUE} for ALL
     * @param move  true for MOVE: the rows are counted, not returned
     */
    record Fetch(String text, String name, long count, boolean move) implements CursorStatement {
        public Fetch {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(name, "name");
            if (count < 0) {
                throw new IllegalArgumentException("count " + count);
            }
        }

        @Override
        public StatementKind kind() {
            return move ? StatementKind.MOVE : StatementKind.FETCH;
        }
    }

    /** {@code CLOSE name}, or {@code CLOSE ALL} with a null name. */
    record Close(String text, String name) implements CursorStatement {
        public Close {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public StatementKind kind() {
            return StatementKind.CLOSE_CURSOR;
        }
    }
}
