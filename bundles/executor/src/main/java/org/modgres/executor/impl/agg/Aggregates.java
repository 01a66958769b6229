package org.modgres.executor.impl.agg;

import java.util.List;
import java.util.Locale;

import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.modgres.executor.impl.operator.RowComparator;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.ValueType;

/** Turns Calcite aggregate calls into accumulator factories. */
public final class Aggregates {

    private Aggregates() {
    }

    /**
     * Returns the factory of an aggregate call's accumulators.
     *
     * @param inputRowType the row type of the aggregate's input, which the call's arguments index
     * @throws org.modgres.api.error.PgException 0A000 for aggregate functions this executor lacks
     */
    public static AccumulatorFactory factory(AggregateCall call, RelDataType inputRowType) {
        int[] arguments = call.getArgList().stream().mapToInt(Integer::intValue).toArray();
        AccumulatorFactory unordered = base(call, arguments, inputRowType);
        List<RelFieldCollation> order = call.getCollation().getFieldCollations();
        AccumulatorFactory base = order.isEmpty() ? unordered
                : () -> new OrderedAccumulator(new RowComparator(order, inputRowType), unordered);
        boolean distinct = call.isDistinct();
        int filter = call.filterArg;
        ValueType resultType = ValueType.of(call.getType());
        return () -> {
            Accumulator accumulator = base.create();
            if (distinct) {
                accumulator = new DistinctAccumulator(arguments, accumulator);
            }
            if (filter >= 0) {
                accumulator = new FilteredAccumulator(filter, accumulator);
            }
            return resultType == ValueType.OTHER ? accumulator : new ConvertingAccumulator(accumulator, resultType);
        };
    }

    private static AccumulatorFactory base(AggregateCall call, int[] arguments, RelDataType inputRowType) {
        String name = call.getAggregation().getName().toUpperCase(Locale.ROOT);
        return switch (call.getAggregation().getKind()) {
            case COUNT -> () -> new CountAccumulator(arguments);
            case SUM -> sum(call, arguments, inputRowType, SumAccumulator.Mode.SUM);
            case SUM0 -> sum(call, arguments, inputRowType, SumAccumulator.Mode.SUM0);
            case AVG -> sum(call, arguments, inputRowType, SumAccumulator.Mode.AVG);
            case MIN -> minMax(call, arguments, inputRowType, false);
            case MAX -> minMax(call, arguments, inputRowType, true);
            case SINGLE_VALUE -> () -> new SingleValueAccumulator(single(call, arguments));
            case ANY_VALUE -> () -> new AnyValueAccumulator(single(call, arguments));
            case LISTAGG, STRING_AGG -> () -> new StringAggAccumulator(arguments[0],
                    arguments.length > 1 ? arguments[1] : -1);
            case BIT_AND, BIT_OR -> {
                int argument = single(call, arguments);
                boolean and = call.getAggregation().getKind() == SqlKind.BIT_AND;
                yield () -> new BitAccumulator(argument, and);
            }
            case VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP -> variance(call, arguments, inputRowType);
            case PERCENTILE_CONT, PERCENTILE_DISC -> {
                List<RelFieldCollation> order = call.getCollation().getFieldCollations();
                if (order.size() != 1) {
                    throw PgErrors.functionNotSupported(name.toLowerCase(Locale.ROOT) + " without one ORDER BY column");
                }
                int fraction = single(call, arguments);
                int value = order.getFirst().getFieldIndex();
                boolean continuous = call.getAggregation().getKind() == SqlKind.PERCENTILE_CONT;
                yield () -> new PercentileAccumulator(fraction, value, continuous);
            }
            case ARRAY_AGG -> {
                int argument = single(call, arguments);
                yield () -> new ArrayAggAccumulator(argument);
            }
            default -> switch (name) {
                case "BOOL_AND" -> minMax(call, arguments, inputRowType, false);
                case "BOOL_OR" -> minMax(call, arguments, inputRowType, true);
                // the planner's json_agg of rows has a second argument, TRUE
                case "JSON_AGG" -> arguments.length == 2
                        ? () -> new JsonAggAccumulator(-1, arguments[0], false).ofComposites()
                        : () -> new JsonAggAccumulator(-1, single(call, arguments), false);
                case "JSONB_AGG" -> () -> new JsonAggAccumulator(-1, single(call, arguments), true);
                // the planner's percentile_cont(f) WITHIN GROUP (ORDER BY x) has x as its second argument
                case "PERCENTILE_CONT", "PERCENTILE_DISC" -> {
                    boolean continuous = name.equals("PERCENTILE_CONT");
                    yield () -> new PercentileAccumulator(arguments[0], arguments[1], continuous);
                }
                // the planner's mode() WITHIN GROUP (ORDER BY x) has x as its argument
                case "MODE" -> {
                    int argument = single(call, arguments);
                    yield () -> new ModeAccumulator(argument);
                }
                case "JSON_OBJECT_AGG", "JSONB_OBJECT_AGG" -> () -> new JsonAggAccumulator(arguments[0], arguments[1],
                        name.startsWith("JSONB"));
                // the planner's sum and avg of intervals
                case "SUM" -> sum(call, arguments, inputRowType, SumAccumulator.Mode.SUM);
                case "AVG" -> sum(call, arguments, inputRowType, SumAccumulator.Mode.AVG);
                default -> throw PgErrors.functionNotSupported(name.toLowerCase(Locale.ROOT));
            };
        };
    }

    private static AccumulatorFactory sum(AggregateCall call, int[] arguments, RelDataType inputRowType,
                                          SumAccumulator.Mode mode) {
        int argument = single(call, arguments);
        ValueType type = ValueType.of(fieldType(inputRowType, argument));
        if (type == ValueType.INTERVAL && mode != SumAccumulator.Mode.SUM0) {
            boolean average = mode == SumAccumulator.Mode.AVG;
            return () -> new IntervalSumAccumulator(argument, average);
        }
        if (!type.isNumeric()) {
            throw PgErrors.functionNotSupported(call.getAggregation().getName().toLowerCase(Locale.ROOT)
                    + "(" + type.sqlName() + ")");
        }
        boolean approximate = type.isApproximate();
        return () -> new SumAccumulator(argument, approximate, mode);
    }

    private static AccumulatorFactory variance(AggregateCall call, int[] arguments, RelDataType inputRowType) {
        int argument = single(call, arguments);
        ValueType type = ValueType.of(fieldType(inputRowType, argument));
        if (!type.isNumeric()) {
            throw PgErrors.functionNotSupported(call.getAggregation().getName().toLowerCase(Locale.ROOT)
                    + "(" + type.sqlName() + ")");
        }
        SqlKind kind = call.getAggregation().getKind();
        boolean sample = kind == SqlKind.VAR_SAMP || kind == SqlKind.STDDEV_SAMP;
        boolean root = kind == SqlKind.STDDEV_SAMP || kind == SqlKind.STDDEV_POP;
        boolean approximate = type.isApproximate();
        return () -> new VarianceAccumulator(argument, sample, root, approximate);
    }

    private static AccumulatorFactory minMax(AggregateCall call, int[] arguments, RelDataType inputRowType,
                                             boolean max) {
        int argument = single(call, arguments);
        boolean padded = fieldType(inputRowType, argument).getSqlTypeName() == SqlTypeName.CHAR;
        return () -> new MinMaxAccumulator(argument, max, padded);
    }

    private static int single(AggregateCall call, int[] arguments) {
        if (arguments.length != 1) {
            throw PgErrors.functionNotSupported(call.getAggregation().getName().toLowerCase(Locale.ROOT)
                    + " with " + arguments.length + " arguments");
        }
        return arguments[0];
    }

    private static RelDataType fieldType(RelDataType rowType, int index) {
        List<RelDataTypeField> fields = rowType.getFieldList();
        return fields.get(index).getType();
    }
}
