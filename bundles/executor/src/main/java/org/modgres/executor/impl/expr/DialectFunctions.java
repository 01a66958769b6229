package org.modgres.executor.impl.expr;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.modgres.api.type.PgInterval;
import org.modgres.executor.impl.value.ValueType;

/**
 * The evaluators of PostgreSQL's string, math, uuid and date/time functions that the planner
 * declares with PostgreSQL's signatures, by upper-case name.
 */
final class DialectFunctions {

    private DialectFunctions() {
    }

    /** Returns the evaluator of a call of such a function, or null for any other name. */
    static Evaluator resolve(String name, Evaluator[] args, ValueType resultType) {
        boolean numeric = resultType == ValueType.NUMERIC;
        return switch (name) {
            case "REPEAT" -> strict(args, TextFunctions::repeat);
            case "LPAD" -> strict(args, a -> TextFunctions.pad(a, true));
            case "RPAD" -> strict(args, a -> TextFunctions.pad(a, false));
            case "SPLIT_PART" -> strict(args, TextFunctions::splitPart);
            case "TRANSLATE", "TRANSLATE3" -> strict(args, TextFunctions::translate);
            case "CHR" -> strict(args, TextFunctions::chr);
            case "ASCII" -> strict(args, TextFunctions::ascii);
            case "STARTS_WITH" -> strict(args, TextFunctions::startsWith);
            case "MD5" -> strict(args, TextFunctions::md5);
            case "FORMAT" -> FormatFunction.format(args);
            case "CONCAT_WS" -> FormatFunction.concatWs(args);
            case "REGEXP_REPLACE" -> strict(args, RegexFunctions::replace);
            case "REGEXP_MATCH" -> strict(args, RegexFunctions::match);
            case "STRING_TO_ARRAY" -> RegexFunctions.stringToArray(args);
            case "EXP" -> strict(args, a -> numeric ? NumericMath.exp(MathFunctions.numeric(a[0]))
                    : MathFunctions.exp(a[0]));
            case "LN" -> strict(args, a -> numeric ? NumericMath.ln(MathFunctions.numeric(a[0]))
                    : MathFunctions.logarithm(a[0], false));
            case "LOG", "LOG10" -> strict(args, a -> a.length > 1
                    ? NumericMath.log(MathFunctions.numeric(a[0]), MathFunctions.numeric(a[1]))
                    : numeric ? NumericMath.log(BigDecimal.TEN, MathFunctions.numeric(a[0]))
                    : MathFunctions.logarithm(a[0], true));
            case "SQRT" -> strict(args, a -> numeric ? NumericMath.sqrt(MathFunctions.numeric(a[0]))
                    : MathFunctions.sqrt(a[0]));
            case "POWER", "^" -> strict(args, a -> numeric
                    ? NumericMath.power(MathFunctions.numeric(a[0]), MathFunctions.numeric(a[1]))
                    : MathFunctions.power(a[0], a[1]));
            case "GREATEST", "LEAST" -> new Extreme(args, name.equals("GREATEST"), true);
            case "DIV" -> strict(args, a -> MathFunctions.div(a[0], a[1]));
            case "PI" -> new Constant(Math.PI);
            case "CBRT" -> strict(args, a -> Math.cbrt(((Number) a[0]).doubleValue()));
            case "DEGREES" -> strict(args, a -> Math.toDegrees(((Number) a[0]).doubleValue()));
            case "RADIANS" -> strict(args, a -> Math.toRadians(((Number) a[0]).doubleValue()));
            case "SIN" -> strict(args, a -> Math.sin(((Number) a[0]).doubleValue()));
            case "COS" -> strict(args, a -> Math.cos(((Number) a[0]).doubleValue()));
            case "TAN" -> strict(args, a -> Math.tan(((Number) a[0]).doubleValue()));
            case "RANDOM" -> row -> ThreadLocalRandom.current().nextDouble();
            case "GEN_RANDOM_UUID" -> row -> UUID.randomUUID();
            case "DATE_TRUNC" -> strict(args, DateTimeFunctions::dateTrunc);
            case "EXTRACT" -> strict(args, DateTimeFunctions::extract);
            case "DATE_PART" -> strict(args, DateTimeFunctions::datePart);
            case "MAKE_DATE" -> strict(args, DateTimeFunctions::makeDate);
            case "MAKE_TIMESTAMP" -> strict(args, DateTimeFunctions::makeTimestamp);
            case "MAKE_INTERVAL" -> strict(args, IntervalFunctions::make);
            case "JUSTIFY_DAYS" -> strict(args, a -> ((PgInterval) a[0]).justifyDays());
            case "JUSTIFY_HOURS" -> strict(args, a -> ((PgInterval) a[0]).justifyHours());
            case "JUSTIFY_INTERVAL" -> strict(args, a -> ((PgInterval) a[0]).justifyInterval());
            case "TO_TIMESTAMP" -> strict(args, a -> a.length == 1 ? DateTimeFunctions.fromEpoch(a)
                    : DateTimeParsing.toTimestamp(a));
            case "TO_DATE" -> strict(args, DateTimeParsing::toDate);
            case "TO_CHAR" -> strict(args, a -> a[0] instanceof Number ? NumberFormat.toChar(a)
                    : DateTimeFormat.toChar(a));
            default -> SupplementaryFunctions.resolve(name, args, resultType);
        };
    }

    private static Evaluator strict(Evaluator[] args, ScalarFunction function) {
        return new FunctionCall(function, args);
    }
}
