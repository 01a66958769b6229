package org.modgres.executor.impl.operator;

import org.modgres.api.exec.ExecutionContext;

/** Asks the session whether to stop (cancel, timeout) every few thousand units of work. */
public final class Interrupts {

    private static final int CHECK_MASK = 4095;

    private final ExecutionContext context;
    private int ticks;

    public Interrupts(ExecutionContext context) {
        this.context = context;
    }

    /** Counts one unit of work, such as a row read. */
    public void tick() {
        if ((++ticks & CHECK_MASK) == 0) {
            context.checkInterrupts();
        }
    }
}
