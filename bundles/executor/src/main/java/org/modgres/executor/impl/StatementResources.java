package org.modgres.executor.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.operator.Interrupts;
import org.modgres.executor.impl.operator.MemoryBudget;
import org.modgres.executor.impl.operator.OperatorBuilder;
import org.modgres.executor.impl.operator.TableNames;

/**
 * What one execution of a statement works with: its transaction, the compiler of its
 * expressions (which holds its parameters), its interrupt checks and its memory budget.
 */
public record StatementResources(Transaction transaction, ExpressionCompiler compiler, Interrupts interrupts,
                                 MemoryBudget memory, Map<List<String>, List<Object[]>> withRows,
                                 Map<TableNames, List<Object[]>> tablesAsOfStart) {

    /**
     * @param withRows        the rows data-modifying WITH queries returned, by the name of the transient
     *                        table that holds them; filled as the statement runs them
     * @param tablesAsOfStart the rows of the tables data-modifying WITH queries change, as the
     *                        statement found them, which its other scans of those tables read
     */
    public StatementResources {
    }

    public StatementResources(Transaction transaction, ExpressionCompiler compiler, Interrupts interrupts,
                              MemoryBudget memory) {
        this(transaction, compiler, interrupts, memory, new HashMap<>(), Map.of());
    }

    /** Returns these resources with scans of some tables reading the rows they had at the statement's start. */
    public StatementResources withTablesAsOfStart(Map<TableNames, List<Object[]>> rows) {
        return new StatementResources(transaction, compiler, interrupts, memory, withRows, rows);
    }

    /** Returns a builder of row-at-a-time operators over these resources. */
    public OperatorBuilder rowOperators() {
        return new OperatorBuilder(transaction, compiler, interrupts, memory).withRowsOfWith(withRows)
                .withTablesAsOfStart(tablesAsOfStart);
    }
}
