package org.modgres.executor.impl.operator;

/**
 * A node of a running plan, in the Volcano style: the consumer opens it, pulls rows until
 * {@code null}, and closes it. Blocking operators (sort, aggregate, a join's build side) read
 * their input on the first pull, so a query does its work only as the client asks for rows.
 * Row arrays handed out must not be changed by the consumer.
 */
public interface Operator {

    /** Prepares to produce rows; opens the inputs. */
    void open();

    /** Returns the next row, or {@code null} when there are no more. */
    Object[] next();

    /** Releases what the operator holds; closes the inputs. Safe to call more than once. */
    void close();
}
