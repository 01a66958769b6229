package org.modgres.executor.impl.window;

import org.modgres.executor.impl.agg.Accumulator;
import org.modgres.executor.impl.agg.AccumulatorFactory;

/**
 * An aggregate function over each row's frame. Frames that all start at the partition's first
 * row grow with the rows, so one accumulator takes each row once; other frames are aggregated
 * afresh for each row.
 */
final class FrameAggregate implements WindowFunction {

    private final AccumulatorFactory factory;
    private final Frame frame;

    FrameAggregate(AccumulatorFactory factory, Frame frame) {
        this.factory = factory;
        this.frame = frame;
    }

    @Override
    public void evaluate(Partition partition, Object[] results) {
        int n = partition.size();
        if (frame.startsAtFirstRow()) {
            Accumulator running = factory.create();
            int added = 0;
            for (int i = 0; i < n; i++) {
                long end = Math.min(frame.end(partition, i), n - 1);
                while (added <= end) {
                    running.add(partition.row(added++));
                }
                results[i] = end < 0 ? factory.create().result() : running.result();
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            long start = Math.max(frame.start(partition, i), 0);
            long end = Math.min(frame.end(partition, i), n - 1);
            Accumulator accumulator = factory.create();
            for (long j = start; j <= end; j++) {
                accumulator.add(partition.row((int) j));
            }
            results[i] = accumulator.result();
        }
    }
}
