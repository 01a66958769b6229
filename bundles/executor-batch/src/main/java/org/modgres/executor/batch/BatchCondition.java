package org.modgres.executor.batch;

/**
 * One conjunct of a filter, applied to a whole batch: it moves the rows for which it is TRUE
 * to the front, in their order, and returns how many there are.
 */
interface BatchCondition {

    int select(Object[][] rows, int size);
}
