package org.modgres.executor.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.operator.Interrupts;
import org.modgres.executor.impl.operator.MemoryBudget;
import org.modgres.executor.impl.operator.OperatorBuilder;

/**
 * What one execution of a statement works with: its transaction, the compiler of its
 * expressions (which holds its parameters), its interrupt checks and its memory budget.
 */
public record StatementResources(Transaction transaction, ExpressionCompiler compiler, Interrupts interrupts,
                                 MemoryBudget memory, Map<List<String>, List<Object[]>> withRows) {

    /**
     * @param withRows the rows data-modifying WITH queries returned, by the name of the transient
     *                 table that holds them; filled as the statement runs them
     */
    public StatementResources {
    }

    public StatementResources(Transaction transaction, ExpressionCompiler compiler, Interrupts interrupts,
                              MemoryBudget memory) {
        this(transaction, compiler, interrupts, memory, new HashMap<>());
    }

    /** Returns a builder of row-at-a-time operators over these resources. */
    public OperatorBuilder rowOperators() {
        return new OperatorBuilder(transaction, compiler, interrupts, memory).withRowsOfWith(withRows);
    }
}
