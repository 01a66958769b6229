package org.modgres.shmem.impl;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOptions;

/**
 * One sequence: its definition and its value, shared by all backends. The value changes outside
 * transactions, as in PostgreSQL. Like PostgreSQL, it logs ahead: a change of the value writes a
 * log record for a value {@link #LOG_AHEAD} steps further, and the next calls hand out the values
 * up to it without logging, so that after a crash the sequence resumes beyond every value it gave.
 */
final class MemorySequence {

    /** How many values one log record covers (PostgreSQL's SEQ_LOG_VALS). */
    static final int LOG_AHEAD = 32;

    /** The value and whether it was handed out, as a log record or a checkpoint keeps it. */
    record State(long lastValue, boolean isCalled) {
    }

    /** Where a change of the value is logged. */
    interface ValueLog {
        void logged(MemorySequence sequence, State state);
    }

    private volatile SequenceInfo info;
    private long lastValue;
    private boolean isCalled;
    /** How many more values the last log record covers. */
    private int logCount;
    /** The value the last log record holds, while {@link #logCount} is above 0. */
    private long loggedValue;

    MemorySequence(SequenceInfo info, State state) {
        this.info = info;
        this.lastValue = state.lastValue();
        this.isCalled = state.isCalled();
    }

    /** A new sequence at its start value. */
    static MemorySequence created(SequenceInfo info) {
        return new MemorySequence(info, new State(info.options().start(), false));
    }

    SequenceInfo info() {
        return info;
    }

    long oid() {
        return info.oid();
    }

    String name() {
        return info.name();
    }

    void redefine(SequenceInfo definition) {
        this.info = definition;
    }

    /** Returns the value handed out next, logging ahead when the last record is used up. */
    synchronized long next(ValueLog log) {
        SequenceOptions options = info.options();
        long value = isCalled ? step(lastValue, options) : lastValue;
        if (logCount > 0) {
            logCount--;
        } else {
            long ahead = value;
            int steps = 0;
            while (steps < LOG_AHEAD) {
                Long further = stepWithin(ahead, options);
                if (further == null) {
                    break;
                }
                ahead = further;
                steps++;
            }
            log.logged(this, new State(ahead, true));
            loggedValue = ahead;
            logCount = steps;
        }
        lastValue = value;
        isCalled = true;
        return value;
    }

    /** Sets the value, as setval does, and logs it at once. */
    synchronized void set(long value, boolean called, ValueLog log) {
        SequenceOptions options = info.options();
        if (value < options.minValue() || value > options.maxValue()) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
                    + " is out of bounds for sequence \"" + name() + "\" (" + options.minValue() + ".."
                    + options.maxValue() + ")");
        }
        State state = new State(value, called);
        log.logged(this, state);
        apply(state);
    }

    /** Returns the state to log or keep so that no value handed out comes again. */
    synchronized State durableState() {
        return logCount > 0 ? new State(loggedValue, true) : new State(lastValue, isCalled);
    }

    /**
     * Returns the value as it is, for a checkpoint, and makes the next call log again: the
     * checkpoint will cut the log records before it.
     */
    synchronized State checkpointState() {
        logCount = 0;
        return new State(lastValue, isCalled);
    }

    /** Sets the value from a log record or a checkpoint. */
    synchronized void apply(State state) {
        lastValue = state.lastValue();
        isCalled = state.isCalled();
        logCount = 0;
    }

    /** The value after {@code value}: wraps around when the sequence cycles, fails at its end otherwise. */
    private long step(long value, SequenceOptions options) {
        Long next = stepWithin(value, options);
        if (next != null) {
            return next;
        }
        if (options.cycle()) {
            return options.increment() > 0 ? options.minValue() : options.maxValue();
        }
        boolean up = options.increment() > 0;
        throw new PgException(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, "nextval: reached "
                + (up ? "maximum" : "minimum") + " value of sequence \"" + name() + "\" ("
                + (up ? options.maxValue() : options.minValue()) + ")");
    }

    /** The value after {@code value}, or null when it would pass the sequence's end. */
    private static Long stepWithin(long value, SequenceOptions options) {
        long increment = options.increment();
        if (increment > 0) {
            return value > options.maxValue() - increment ? null : value + increment;
        }
        return value < options.minValue() - increment ? null : value + increment;
    }
}
