package org.modgres.executor.impl.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
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

    /**
     * What the grammar adds to a GROUPS frame's offsets to tell it from ROWS; far beyond any row
     * count, and the same number as the parser's.
     */
    static final long GROUPS_OFFSET_MARK = 1L << 52;

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
        Frame frame = frame(group);
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

    /**
     * The frame of a group. The grammar writes GROUPS with an offset as ROWS with offsets raised
     * by {@link #GROUPS_OFFSET_MARK} (Calcite's frames know ROWS and RANGE only); without an
     * offset, GROUPS is RANGE already.
     */
    private Frame frame(Window.Group group) {
        Frame.Mode mode = group.isRows ? Frame.Mode.ROWS : Frame.Mode.RANGE;
        if (group.isRows && (isGroupsOffset(group.lowerBound) || isGroupsOffset(group.upperBound))) {
            mode = Frame.Mode.GROUPS;
        }
        Frame.RangeKey key = null;
        if (mode == Frame.Mode.RANGE
                && (group.lowerBound.getOffset() != null || group.upperBound.getOffset() != null)) {
            RelFieldCollation order = group.orderKeys.getFieldCollations().get(0);
            RelFieldCollation.NullDirection nulls = order.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
                    ? order.getDirection().defaultNullDirection() : order.nullDirection;
            key = new Frame.RangeKey(order.getFieldIndex(), order.getDirection().isDescending(),
                    nulls == RelFieldCollation.NullDirection.FIRST);
            checkRangeOffset(rowType.getFieldList().get(key.field()).getType(), group.lowerBound);
            checkRangeOffset(rowType.getFieldList().get(key.field()).getType(), group.upperBound);
        }
        return new Frame(mode, bound(group.lowerBound, mode), bound(group.upperBound, mode), group.exclude, key);
    }

    private boolean isGroupsOffset(RexWindowBound bound) {
        return bound.getOffset() != null && constant(bound.getOffset(), "frame offset") instanceof Number n
                && n.longValue() >= GROUPS_OFFSET_MARK;
    }

    private Frame.Bound bound(RexWindowBound bound, Frame.Mode mode) {
        Frame.Kind kind = bound.isUnbounded() ? Frame.Kind.UNBOUNDED
                : bound.isCurrentRow() ? Frame.Kind.CURRENT_ROW
                : bound.isPreceding() ? Frame.Kind.PRECEDING : Frame.Kind.FOLLOWING;
        RexNode offset = bound.getOffset();
        if (offset == null) {
            return new Frame.Bound(kind, null);
        }
        if (mode == Frame.Mode.GROUPS) {
            long groups = ((Number) constant(offset, "frame offset")).longValue() - GROUPS_OFFSET_MARK;
            return new Frame.Bound(kind, row -> groups);
        }
        if (offset instanceof RexLiteral literal) {
            Object value = Casts.toClass(LiteralValues.convert(literal), ValueType.of(literal.getType()));
            return new Frame.Bound(kind, row -> value);
        }
        // the planner projects an offset it cannot keep as a literal into every row
        int field = field(offset, "frame offset");
        return new Frame.Bound(kind, row -> row[field]);
    }

    /** PostgreSQL's in_range functions: an integer key takes an integer offset, a datetime an interval. */
    private static void checkRangeOffset(RelDataType keyType, RexWindowBound bound) {
        RexNode offset = bound.getOffset();
        if (offset == null) {
            return;
        }
        SqlTypeName keyName = keyType.getSqlTypeName();
        SqlTypeName offsetName = offset.getType().getSqlTypeName();
        boolean integralKey = SqlTypeName.INT_TYPES.contains(keyName);
        boolean integralOffset = SqlTypeName.INT_TYPES.contains(offsetName)
                || offsetName == SqlTypeName.DECIMAL && offset.getType().getScale() == 0;
        if (integralKey && !integralOffset) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.ERROR,
                    "RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s and offset type %s"
                            .formatted(ValueType.of(keyType).sqlName(), ValueType.of(offset.getType()).sqlName()),
                    null, "Cast the offset value to an appropriate type.", 0, null);
        }
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
