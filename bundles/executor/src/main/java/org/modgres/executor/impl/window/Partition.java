package org.modgres.executor.impl.window;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of one window partition in the window's order, with their peer groups: rows the
 * window's ORDER BY does not tell apart (all rows, without ORDER BY).
 */
public final class Partition {

    private final List<Object[]> rows;
    private final int[] firstPeer;
    private final int[] lastPeer;
    private final int[] peerGroup;
    private final int[] groupStart;

    /** @param rows the rows, sorted by {@code order} */
    public Partition(List<Object[]> rows, Comparator<Object[]> order) {
        this.rows = rows;
        int n = rows.size();
        firstPeer = new int[n];
        lastPeer = new int[n];
        peerGroup = new int[n];
        int[] starts = new int[n];
        int start = 0;
        int group = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || order.compare(rows.get(i - 1), rows.get(i)) != 0) {
                for (int j = start; j < i; j++) {
                    firstPeer[j] = start;
                    lastPeer[j] = i - 1;
                    peerGroup[j] = group;
                }
                starts[group] = start;
                start = i;
                group++;
            }
        }
        groupStart = Arrays.copyOf(starts, group);
    }

    public int size() {
        return rows.size();
    }

    public Object[] row(int index) {
        return rows.get(index);
    }

    /** Returns the position of the first row that is a peer of row {@code index}. */
    public int firstPeer(int index) {
        return firstPeer[index];
    }

    /** Returns the position of the last row that is a peer of row {@code index}. */
    public int lastPeer(int index) {
        return lastPeer[index];
    }

    /** Returns the number of peer groups. */
    public int peerGroupCount() {
        return groupStart.length;
    }

    /** Returns the position of the first row of peer group {@code group} (0-based). */
    public int peerGroupStart(int group) {
        return groupStart[group];
    }

    /** Returns the 0-based number of the peer group of row {@code index}. */
    public int peerGroup(int index) {
        return peerGroup[index];
    }
}
