package org.modgres.executor.impl.operator;

/** OFFSET and LIMIT over rows in input order, reading no more of the input than it needs. */
final class LimitOperator implements Operator {

    private final Operator input;
    private final long offset;
    private final long fetch;
    private long skipped;
    private long returned;

    /** @param fetch the most rows to return, or -1 for all */
    LimitOperator(Operator input, long offset, long fetch) {
        this.input = input;
        this.offset = offset;
        this.fetch = fetch;
    }

    @Override
    public void open() {
        skipped = 0;
        returned = 0;
        if (fetch != 0) {
            input.open();
        }
    }

    @Override
    public Object[] next() {
        if (fetch >= 0 && returned >= fetch) {
            return null;
        }
        while (skipped < offset) {
            if (input.next() == null) {
                return null;
            }
            skipped++;
        }
        Object[] row = input.next();
        if (row != null) {
            returned++;
        }
        return row;
    }

    @Override
    public void close() {
        input.close();
    }
}
