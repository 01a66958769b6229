package org.modgres.parser.impl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.SequenceStatement;

/**
 * Collects the options of CREATE SEQUENCE, ALTER SEQUENCE and {@code GENERATED ... AS IDENTITY
 * (options)} as the grammar reads them, refusing one written twice as PostgreSQL does.
 *
 * <p>An identity column reaches the planner as the column's expression: a call of
 * {@link #IDENTITY} whose first operand is the character literal {@code a} (ALWAYS) or {@code d}
 * (BY DEFAULT), followed by the options written, each as a character literal naming it
 * ({@code increment}, {@code minvalue}, {@code maxvalue}, {@code start}, {@code cache},
 * {@code cycle}, {@code as}) and its value: an exact numeric literal, a boolean literal (cycle,
 * and minvalue or maxvalue for NO MINVALUE / NO MAXVALUE as false) or a character literal (the
 * type of {@code as}).
 */
public final class SequenceOptionsBuilder {

    /** The operator of an identity column's marker, see the class comment. */
    public static final SqlSpecialOperator IDENTITY = new SqlSpecialOperator("GENERATED AS IDENTITY", SqlKind.OTHER);

    private String type;
    private Long increment;
    private Long minValue;
    private Long maxValue;
    private Long start;
    private Long cache;
    private Boolean cycle;
    private List<String> ownedBy;
    private Long restart;
    private final List<String> written = new ArrayList<>();

    public void type(SqlDataTypeSpec spec, SqlParserPos pos) {
        once("as", pos);
        String name = spec.getTypeNameSpec().getTypeName().getSimple().toLowerCase(Locale.ROOT);
        type = switch (name) {
            case "smallint", "int2" -> "smallint";
            case "integer", "int", "int4" -> "integer";
            case "bigint", "int8" -> "bigint";
            default -> name;
        };
    }

    public void increment(long value, SqlParserPos pos) {
        once("increment", pos);
        increment = value;
    }

    /** MINVALUE n, or NO MINVALUE for null. */
    public void minValue(Long value, SqlParserPos pos) {
        once("minvalue", pos);
        minValue = value == null ? SequenceStatement.Options.NO_BOUND : value;
    }

    /** MAXVALUE n, or NO MAXVALUE for null. */
    public void maxValue(Long value, SqlParserPos pos) {
        once("maxvalue", pos);
        maxValue = value == null ? SequenceStatement.Options.NO_BOUND : value;
    }

    public void start(long value, SqlParserPos pos) {
        once("start", pos);
        start = value;
    }

    public void cache(long value, SqlParserPos pos) {
        once("cache", pos);
        cache = value;
    }

    public void cycle(boolean value, SqlParserPos pos) {
        once("cycle", pos);
        cycle = value;
    }

    /** OWNED BY table.column, or OWNED BY NONE for null. */
    public void ownedBy(SqlIdentifier column, SqlParserPos pos) {
        once("owned_by", pos);
        ownedBy = column == null ? List.of() : List.copyOf(column.names);
    }

    /** RESTART [WITH n]; null for RESTART alone. */
    public void restart(Long value, SqlParserPos pos) {
        once("restart", pos);
        restart = value == null ? SequenceStatement.Options.NO_BOUND : value;
    }

    /** Reads an integer literal's digits with its sign. */
    public static long number(String digits, boolean negative, SqlParserPos pos) {
        try {
            return Long.parseLong(negative ? "-" + digits : digits);
        } catch (NumberFormatException e) {
            throw new ParserException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + (negative ? "-" : "") + digits + "\" is out of range for type bigint", pos);
        }
    }

    /** Checks the word after {@code GENERATED ... AS}, which the token manager hands over as an identifier. */
    public static void expectIdentity(SqlIdentifier word) {
        if (!word.isSimple() || !word.getSimple().equals("identity")) {
            throw new ParserException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + word + "\"",
                    word.getParserPosition());
        }
    }

    private void once(String option, SqlParserPos pos) {
        if (written.contains(option)) {
            throw new ParserException(SqlState.SYNTAX_ERROR, "conflicting or redundant options", pos);
        }
        written.add(option);
    }

    SequenceStatement.Options options() {
        return new SequenceStatement.Options(type, increment, minValue, maxValue, start, cache, cycle, ownedBy,
                restart);
    }

    public StatementBody create(SqlIdentifier name, boolean ifNotExists, SqlParserPos pos) {
        if (restart != null) {
            throw new ParserException(SqlState.SYNTAX_ERROR, "RESTART is not allowed in CREATE SEQUENCE", pos);
        }
        final List<String> names = List.copyOf(name.names);
        final SequenceStatement.Options options = options();
        return new StatementBody.Utility(text -> new SequenceStatement.Create(text, names, ifNotExists, options));
    }

    public StatementBody alter(SqlIdentifier name, boolean ifExists) {
        final List<String> names = List.copyOf(name.names);
        final SequenceStatement.Options options = options();
        return new StatementBody.Utility(text -> new SequenceStatement.Alter(text, names, ifExists, options));
    }

    public static StatementBody drop(List<SqlIdentifier> names, boolean ifExists) {
        final List<List<String>> kept = names.stream().map(name -> List.copyOf(name.names)).toList();
        return new StatementBody.Utility(text -> new SequenceStatement.Drop(text, kept, ifExists));
    }

    /** Returns the marker of an identity column with the options written, as the class comment describes. */
    SqlNode identity(boolean always, SqlParserPos pos) {
        if (ownedBy != null || restart != null) {
            throw new ParserException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + (ownedBy != null ? "OWNED"
                    : "RESTART") + "\"", pos);
        }
        List<SqlNode> operands = new ArrayList<>();
        operands.add(SqlLiteral.createCharString(always ? "a" : "d", pos));
        addNumber(operands, "increment", increment, pos);
        addNumber(operands, "minvalue", minValue, pos);
        addNumber(operands, "maxvalue", maxValue, pos);
        addNumber(operands, "start", start, pos);
        addNumber(operands, "cache", cache, pos);
        if (cycle != null) {
            operands.add(SqlLiteral.createCharString("cycle", pos));
            operands.add(SqlLiteral.createBoolean(cycle, pos));
        }
        if (type != null) {
            operands.add(SqlLiteral.createCharString("as", pos));
            operands.add(SqlLiteral.createCharString(type, pos));
        }
        return IDENTITY.createCall(pos, operands);
    }

    private static void addNumber(List<SqlNode> operands, String name, Long value, SqlParserPos pos) {
        if (value == null) {
            return;
        }
        operands.add(SqlLiteral.createCharString(name, pos));
        operands.add(value == SequenceStatement.Options.NO_BOUND ? SqlLiteral.createBoolean(false, pos)
                : SqlLiteral.createExactNumeric(Long.toString(value), pos));
    }
}
