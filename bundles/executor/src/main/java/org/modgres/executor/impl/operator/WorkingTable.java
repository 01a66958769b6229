package org.modgres.executor.impl.operator;

import java.util.List;

/**
 * The rows of a recursive query's last iteration, which the scans of its name in the recursive
 * term read (PostgreSQL's "working table"). The recursive union fills it before each iteration.
 */
final class WorkingTable {

    private List<Object[]> rows = List.of();

    List<Object[]> rows() {
        return rows;
    }

    void replace(List<Object[]> rows) {
        this.rows = rows;
    }
}
