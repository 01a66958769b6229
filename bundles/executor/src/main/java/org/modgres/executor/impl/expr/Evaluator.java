package org.modgres.executor.impl.expr;

/**
 * A compiled expression: computes its value for a row. Evaluators are built once per
 * statement execution and used by that execution's thread only; a tree of them evaluates
 * without allocating beyond the values it returns.
 */
@FunctionalInterface
public interface Evaluator {

    /** Returns the expression's value for a row; SQL NULL is {@code null}. */
    Object evaluate(Object[] row);
}
