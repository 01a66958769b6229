package org.modgres.executor.batch;

/**
 * A node of a running plan that hands out rows a batch at a time: the consumer opens it, pulls
 * batches until {@code null}, and closes it. Batches are never empty.
 */
interface BatchOperator {

    /** Prepares to produce rows; opens the inputs. Opening again starts over. */
    void open();

    /** Returns the next batch, or {@code null} when there are no more rows. */
    RowBatch next();

    /** Releases what the operator holds; closes the inputs. Safe to call more than once. */
    void close();
}
