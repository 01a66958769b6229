package org.modgres.executor.impl.expr;

/** The body of a strict scalar function; it sees only non-null arguments. */
@FunctionalInterface
interface ScalarFunction {

    Object apply(Object[] arguments);
}
