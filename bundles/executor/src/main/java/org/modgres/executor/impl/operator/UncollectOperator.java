package org.modgres.executor.impl.operator;

import java.util.List;

/**
 * {@code unnest(a [, b ...])}: for each input row, one row per element of its arrays, the arrays
 * side by side and the shorter ones padded with NULLs, as PostgreSQL's unnest with several
 * arguments does; a NULL array counts as empty. WITH ORDINALITY adds the element's position,
 * from 1.
 */
final class UncollectOperator implements Operator {

    private final Operator input;
    private final boolean withOrdinality;
    private final Interrupts interrupts;
    private List<?>[] arrays;
    private int length;
    private int position;

    UncollectOperator(Operator input, boolean withOrdinality, Interrupts interrupts) {
        this.input = input;
        this.withOrdinality = withOrdinality;
        this.interrupts = interrupts;
    }

    @Override
    public void open() {
        input.open();
        arrays = null;
    }

    @Override
    public Object[] next() {
        while (arrays == null || position == length) {
            Object[] row = input.next();
            if (row == null) {
                arrays = null;
                return null;
            }
            arrays = new List<?>[row.length];
            length = 0;
            position = 0;
            for (int i = 0; i < row.length; i++) {
                arrays[i] = row[i] == null ? List.of() : (List<?>) row[i];
                length = Math.max(length, arrays[i].size());
            }
        }
        interrupts.tick();
        Object[] out = new Object[arrays.length + (withOrdinality ? 1 : 0)];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = position < arrays[i].size() ? arrays[i].get(position) : null;
        }
        position++;
        if (withOrdinality) {
            out[arrays.length] = position;
        }
        return out;
    }

    @Override
    public void close() {
        arrays = null;
        input.close();
    }
}
