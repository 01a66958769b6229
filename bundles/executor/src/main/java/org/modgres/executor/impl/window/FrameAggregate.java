package org.modgres.executor.impl.window;

import org.modgres.executor.impl.agg.Accumulator;
import org.modgres.executor.impl.agg.AccumulatorFactory;

/**
 * An aggregate function over each row's frame. Frames that all start at the partition's first
 * row and exclude nothing grow with the rows (their ends never move back), so one accumulator
 * takes each row once; other frames are aggregated afresh for each row.
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
        frame.prepare(partition);
        if (frame.growsFromFirstRow()) {
            Accumulator running = factory.create();
            int added = 0;
            for (int i = 0; i < n; i++) {
                int end = frame.end(partition, i);
                while (added <= end) {
                    running.add(partition.row(added++));
                }
                results[i] = end < 0 ? factory.create().result() : running.result();
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int end = frame.end(partition, i);
            Accumulator accumulator = factory.create();
            for (int j = frame.start(partition, i); j <= end; j++) {
                if (!frame.excludes(partition, i, j)) {
                    accumulator.add(partition.row(j));
                }
            }
            results[i] = accumulator.result();
        }
    }
}
