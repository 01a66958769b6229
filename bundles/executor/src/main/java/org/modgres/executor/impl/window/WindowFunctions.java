package org.modgres.executor.impl.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;
import org.modgres.executor.impl.agg.Aggregates;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.LiteralValues;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.ValueType;

/**
 * Turns the calls of a Window node's group into window functions. The rows they read are the
 * Window's input rows followed by its constants, which is what the calls' input references
 * index.
 */
public final class WindowFunctions {

    private final Window window;
    private final RelDataType rowType;
    private final Object[] constants;
    private final int inputWidth;

    /**
     * @param rowType   the type of the rows the functions read: the input's fields, then the constants
     * @param constants the values of the Window's constants
     */
    public WindowFunctions(Window window, RelDataType rowType, Object[] constants) {
        this.window = window;
        this.rowType = rowType;
        this.constants = constants;
        this.inputWidth = window.getInput().getRowType().getFieldCount();
    }

    /** Returns the functions of a group, in the order of its calls. */
    public List<WindowFunction> of(Window.Group group) {
        Frame frame = new Frame(group.isRows, group.lowerBound, offset(group.lowerBound), group.upperBound,
                offset(group.upperBound), group.exclude);
        List<AggregateCall> aggregateCalls = group.getAggregateCalls(window);
        List<WindowFunction> functions = new ArrayList<>();
        for (int i = 0; i < group.aggCalls.size(); i++) {
            functions.add(function(group.aggCalls.get(i), aggregateCalls.get(i), frame));
        }
        return functions;
    }

    private WindowFunction function(Window.RexWinAggCall call, AggregateCall aggregateCall, Frame frame) {
        SqlKind kind = call.getOperator().getKind();
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        List<RexNode> operands = call.getOperands();
        if (call.ignoreNulls) {
            throw PgErrors.notSupported("IGNORE NULLS");
        }
        if (Ranking.handles(kind)) {
            return new Ranking(kind);
        }
        return switch (kind) {
            case NTILE -> new Ntile(constant(operands.get(0), name));
            case LAG, LEAD -> {
                long offset = operands.size() > 1 ? ((Number) constant(operands.get(1), name)).longValue() : 1;
                Object defaultValue = operands.size() > 2
                        ? Casts.toClass(constant(operands.get(2), name), ValueType.of(call.getType()))
                        : null;
                yield RowValue.lagOrLead(kind, field(operands.get(0), name), offset, defaultValue);
            }
            case FIRST_VALUE, LAST_VALUE -> RowValue.frameEnd(kind, field(operands.get(0), name), frame);
            case NTH_VALUE -> RowValue.nthOfFrame(field(operands.get(0), name),
                    ((Number) constant(operands.get(1), name)).longValue(), frame);
            default -> new FrameAggregate(Aggregates.factory(aggregateCall, rowType), frame);
        };
    }

    private long offset(RexWindowBound bound) {
        RexNode offset = bound.getOffset();
        if (offset == null) {
            return 0;
        }
        Object value = constant(offset, "frame offset");
        if (!(value instanceof Number number)) {
            throw PgErrors.notSupported("frame offset " + value);
        }
        return number.longValue();
    }

    private static int field(RexNode node, String function) {
        if (!(node instanceof RexInputRef ref)) {
            throw PgErrors.notSupported("argument " + node + " of " + function);
        }
        return ref.getIndex();
    }

    /** Returns the value of an argument that must be the same for all rows. */
    private Object constant(RexNode node, String function) {
        if (node instanceof RexLiteral literal) {
            return LiteralValues.convert(literal);
        }
        if (node instanceof RexInputRef ref && ref.getIndex() >= inputWidth) {
            return constants[ref.getIndex() - inputWidth];
        }
        throw PgErrors.notSupported("a varying argument " + node + " of " + function);
    }
}
