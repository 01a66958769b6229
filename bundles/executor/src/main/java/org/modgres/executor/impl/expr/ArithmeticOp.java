package org.modgres.executor.impl.expr;

/** The binary arithmetic operators. */
enum ArithmeticOp {
    ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO
}
