package org.modgres.executor.impl.expr;

/** One arithmetic operator computed in one number domain; both operands are non-null. */
interface Arithmetic {

    Object apply(Object left, Object right);
}
