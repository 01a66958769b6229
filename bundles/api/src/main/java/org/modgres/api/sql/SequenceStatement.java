package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * CREATE SEQUENCE, ALTER SEQUENCE and DROP SEQUENCE. Names are as written, one to three parts
 * ([[database,] schema,] name); an option the statement does not mention is null.
 */
public sealed interface SequenceStatement extends Statement {

    /**
     * The options a statement writes. {@code minValue} and {@code maxValue} are {@link #NO_BOUND}
     * for NO MINVALUE / NO MAXVALUE; {@code ownedBy} is an empty list for OWNED BY NONE.
     *
     * @param type    smallint, integer or bigint for AS type, as PostgreSQL names the type
     * @param restart RESTART: {@link #NO_BOUND} for RESTART without a value (the start value)
     */
    record Options(String type, Long increment, Long minValue, Long maxValue, Long start, Long cache,
                   Boolean cycle, List<String> ownedBy, Long restart) {

        /** Stands for NO MINVALUE, NO MAXVALUE and a RESTART without a value. */
        public static final long NO_BOUND = Long.MIN_VALUE;

        public static final Options NONE = new Options(null, null, null, null, null, null, null, null, null);

        public Options {
            ownedBy = ownedBy == null ? null : List.copyOf(ownedBy);
        }
    }

    /** {@code CREATE SEQUENCE [IF NOT EXISTS] name options}. */
    record Create(String text, List<String> name, boolean ifNotExists, Options options)
            implements SequenceStatement {
        public Create {
            Objects.requireNonNull(text, "text");
            name = List.copyOf(name);
            Objects.requireNonNull(options, "options");
        }

        @Override
        public StatementKind kind() {
            return StatementKind.CREATE_SEQUENCE;
        }
    }

    /** {@code ALTER SEQUENCE [IF EXISTS] name options}. */
    record Alter(String text, List<String> name, boolean ifExists, Options options) implements SequenceStatement {
        public Alter {
            Objects.requireNonNull(text, "text");
            name = List.copyOf(name);
            Objects.requireNonNull(options, "options");
        }

        @Override
        public StatementKind kind() {
            return StatementKind.ALTER_SEQUENCE;
        }
    }

    /** {@code DROP SEQUENCE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
    record Drop(String text, List<List<String>> names, boolean ifExists) implements SequenceStatement {
        public Drop {
            Objects.requireNonNull(text, "text");
            names = names.stream().map(List::copyOf).toList();
        }

        @Override
        public StatementKind kind() {
            return StatementKind.DROP_SEQUENCE;
        }
    }
}
