package org.modgres.executor.impl.window;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * NTILE(n): splits the partition into n buckets as equal as possible, the first ones one row
 * larger when the rows do not divide evenly.
 */
final class Ntile implements WindowFunction {

    private final long buckets;

    Ntile(Object buckets) {
        if (!(buckets instanceof Number number) || number.longValue() <= 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_NTILE, "argument of ntile must be greater than zero");
        }
        this.buckets = number.longValue();
    }

    @Override
    public void evaluate(Partition partition, Object[] results) {
        int n = partition.size();
        long size = n / buckets;
        long larger = n % buckets;
        long bucket = 1;
        long inBucket = 0;
        for (int i = 0; i < n; i++) {
            results[i] = bucket;
            inBucket++;
            if (inBucket == size + (bucket <= larger ? 1 : 0)) {
                bucket++;
                inBucket = 0;
            }
        }
    }
}
