package org.modgres.executor.impl.window;

import org.apache.calcite.sql.SqlKind;

/** ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK and CUME_DIST: positions among the partition's peers. */
final class Ranking implements WindowFunction {

    private final SqlKind kind;

    Ranking(SqlKind kind) {
        this.kind = kind;
    }

    static boolean handles(SqlKind kind) {
        return switch (kind) {
            case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST -> true;
            default -> false;
        };
    }

    @Override
    public void evaluate(Partition partition, Object[] results) {
        int n = partition.size();
        for (int i = 0; i < n; i++) {
            results[i] = switch (kind) {
                case ROW_NUMBER -> (long) i + 1;
                case RANK -> (long) partition.firstPeer(i) + 1;
                case DENSE_RANK -> (long) partition.peerGroup(i) + 1;
                case PERCENT_RANK -> n == 1 ? 0.0 : (double) partition.firstPeer(i) / (n - 1);
                case CUME_DIST -> (double) (partition.lastPeer(i) + 1) / n;
                default -> throw new IllegalStateException(kind.toString());
            };
        }
    }
}
