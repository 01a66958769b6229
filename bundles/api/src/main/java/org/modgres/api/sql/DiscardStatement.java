package org.modgres.api.sql;

import java.util.Objects;

/**
 * {@code DISCARD {ALL | PLANS | SEQUENCES | TEMP | TEMPORARY}}: gives the session back the state
 * of a new one, or part of it.
 *
 * @param target what is discarded, upper case: ALL, PLANS, SEQUENCES or TEMP
 */
public record DiscardStatement(String text, String target) implements Statement {

    public DiscardStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public StatementKind kind() {
        return StatementKind.DISCARD;
    }

    /** Returns the command tag, {@code DISCARD ALL} and the like. */
    public String commandTag() {
        return "DISCARD " + target;
    }
}
