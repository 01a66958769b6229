package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.SqlQuoting;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;

/**
 * CHECK constraints for the planner. The catalog keeps a condition as text that
 * {@link DefaultExpressions#PARSER} reads back: the text as written when that parser reads it as
 * the same tree, else the tree in Calcite's dialect. A plan that inserts or updates rows checks
 * them with {@code SELECT condition AS name, ... FROM table}, planned with the statement (see
 * {@link org.modgres.api.plan.RelationalPlan#checks()}).
 */
final class CheckConstraints {

    private CheckConstraints() {
    }

    /** Calcite's dialect names the character set of character types, which its parser does not read back. */
    private static final Pattern CHARACTER_SET = Pattern.compile(" CHARACTER SET [^ ),]+");

    /**
     * Returns the text to keep for a condition the parser read, written as {@code written}: that
     * text if {@link DefaultExpressions#PARSER} reads it as the same tree, else the tree in
     * Calcite's dialect; 0A000 when neither reads back.
     */
    static String keptText(SqlNode condition, String written) {
        String standard = DefaultExpressions.text(condition);
        if (readsAs(written, standard)) {
            return written;
        }
        String withoutCharacterSets = CHARACTER_SET.matcher(standard).replaceAll("");
        if (readsAs(withoutCharacterSets, standard)) {
            return withoutCharacterSets;
        }
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "check constraint \"" + written + "\" is not supported");
    }

    private static boolean readsAs(String text, String standard) {
        try {
            return DefaultExpressions.text(parse(text)).equals(standard);
        } catch (PgException e) {
            // PostgreSQL's own syntax, such as a :: cast
            return false;
        }
    }

    /** Returns the names of the table's columns a condition reads, each once, in the order they appear. */
    static List<String> columns(SqlNode condition, List<String> tableColumns) {
        Set<String> found = new LinkedHashSet<>();
        condition.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier identifier) {
                String name = identifier.names.getLast();
                if (tableColumns.contains(name)) {
                    found.add(name);
                }
                return null;
            }
        });
        return List.copyOf(found);
    }

    /**
     * Checks a condition of CREATE TABLE as PostgreSQL does: no sub-queries, aggregates or window
     * functions, known columns, a boolean result.
     *
     * @param table the new table, as it will be
     * @param text  the statement's text, for the positions of errors
     */
    static void validate(SqlNode condition, TableInfo table, Catalog catalog, SystemCatalog system, String text) {
        refuseWhatPostgresRefuses(condition, text);
        StatementConverter converter = new StatementConverter(withTable(catalog, table), system, text);
        SqlSelect query = query(table, List.of(SqlTrees.copy(condition)), List.of("check"));
        RelNode rel = converter.convert(converter.validate(
                UnknownLiteralTyping.apply(query, catalog, converter.typeFactory())));
        if (!(rel instanceof Project project) || !(project.getInput() instanceof TableScan)) {
            throw new PgException(SqlState.GROUPING_ERROR, "aggregate functions are not allowed in check constraints");
        }
        RelDataType type = rel.getRowType().getFieldList().getFirst().getType();
        if (type.getSqlTypeName() != SqlTypeName.BOOLEAN && type.getSqlTypeName() != SqlTypeName.NULL) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, Severity.ERROR, "argument of CHECK must be type boolean, "
                    + "not type " + TypeMapping.toPostgres(type).format(), null, null, position(condition, text), null);
        }
    }

    /**
     * Returns the checks of rows a statement writes to a table, or null when it has no CHECK
     * constraint: a projection of the conditions, by constraint name, over a scan of the table.
     */
    static RelNode plan(TableInfo table, StatementConverter converter, Catalog catalog) {
        List<TableConstraint.Check> checks = new ArrayList<>(table.constraints(TableConstraint.Check.class));
        if (checks.isEmpty()) {
            return null;
        }
        checks.sort(Comparator.comparing(TableConstraint.Check::name));
        List<SqlNode> conditions = new ArrayList<>();
        for (TableConstraint.Check check : checks) {
            conditions.add(parse(check.expression()));
        }
        RelDataTypeFactory typeFactory = converter.typeFactory();
        SqlSelect query = query(table, conditions, checks.stream().map(TableConstraint.Check::name).toList());
        RelNode rel = converter.expandSearches(converter.convert(converter.validate(
                UnknownLiteralTyping.apply(query, catalog, typeFactory))));
        if (!(rel instanceof Project project) || !(project.getInput() instanceof TableScan)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "the check constraints of table \"" + table.name() + "\" cannot be evaluated per row");
        }
        return rel;
    }

    /** Returns the names of the table's CHECK constraints that read the column. */
    static List<String> reading(TableInfo table, String column) {
        List<String> names = new ArrayList<>();
        for (TableConstraint.Check check : table.constraints(TableConstraint.Check.class)) {
            if (!columns(parse(check.expression()), List.of(column)).isEmpty()) {
                names.add(check.name());
            }
        }
        return names;
    }

    /**
     * Returns the new text of each CHECK constraint that reads a column being renamed, by
     * constraint name: the condition with the column's new name, kept as {@link #keptText} keeps it.
     */
    static Map<String, String> renamed(TableInfo table, String column, String newName) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : reading(table, column)) {
            String text = table.constraints(TableConstraint.Check.class).stream()
                    .filter(c -> c.name().equals(name)).findFirst().orElseThrow().expression();
            SqlNode condition = parse(text).accept(new SqlShuttle() {
                @Override
                public SqlNode visit(SqlIdentifier identifier) {
                    if (!identifier.names.getLast().equals(column)) {
                        return identifier;
                    }
                    List<String> names = new ArrayList<>(identifier.names);
                    names.set(names.size() - 1, newName);
                    return new SqlIdentifier(names, identifier.getParserPosition());
                }
            });
            String written = Pattern.compile("(?<![\\w\"])" + Pattern.quote(column) + "(?![\\w\"])")
                    .matcher(text).replaceAll(Matcher.quoteReplacement(SqlQuoting.identifier(newName)));
            texts.put(name, keptText(condition, written));
        }
        return texts;
    }

    /**
     * Returns a CHECK constraint added to an existing table as {@link #plan} returns the checks of
     * a statement: to run over the rows the table has.
     */
    static RelNode planAdded(TableInfo table, TableConstraint.Check check, Catalog catalog, SystemCatalog system,
                             String text) {
        TableInfo checked = new TableInfo(table.oid(), table.schema(), table.name(), table.columns(),
                table.primaryKey(), List.of(check), table.indexes());
        Catalog withChecked = withTable(catalog, checked);
        return plan(checked, new StatementConverter(withChecked, system, text), withChecked);
    }

    private static SqlSelect query(TableInfo table, List<SqlNode> conditions, List<String> names) {
        SqlParserPos pos = SqlParserPos.ZERO;
        SqlNodeList items = new SqlNodeList(pos);
        for (int i = 0; i < conditions.size(); i++) {
            items.add(SqlStdOperatorTable.AS.createCall(pos, conditions.get(i),
                    new SqlIdentifier(names.get(i), pos)));
        }
        SqlIdentifier from = new SqlIdentifier(List.of(table.schema(), table.name()), pos);
        return new SqlSelect(pos, null, items, from, null, null, null, null, null, null, null, null, null);
    }

    static SqlNode parse(String text) {
        try {
            return SqlParser.create(text, DefaultExpressions.PARSER).parseExpression();
        } catch (SqlParseException e) {
            throw new PgException(SqlState.SYNTAX_ERROR, "cannot read check constraint \"" + text + "\"");
        }
    }

    /** Returns PostgreSQL's 1-based position of a node in the statement, or 0. */
    private static int position(SqlNode node, String text) {
        SqlParserPos pos = node.getParserPosition();
        return ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum());
    }

    private static void refuseWhatPostgresRefuses(SqlNode condition, String text) {
        condition.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.isA(SqlKind.QUERY) || call.getKind() == SqlKind.EXISTS) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.ERROR,
                            "cannot use subquery in check constraint", null, null, position(call, text), null);
                }
                if (call.getOperator().isAggregator()) {
                    throw new PgException(SqlState.GROUPING_ERROR,
                            "aggregate functions are not allowed in check constraints");
                }
                return super.visit(call);
            }
        });
    }

    /** Returns the catalog with a table that does not exist yet, so that its conditions can be validated. */
    static Catalog withTable(Catalog catalog, TableInfo table) {
        return new Catalog() {
            @Override
            public Optional<TableInfo> table(String schema, String name) {
                return schema.equals(table.schema()) && name.equals(table.name()) ? Optional.of(table)
                        : catalog.table(schema, name);
            }

            @Override
            public List<TableInfo> tables(String schema) {
                List<TableInfo> tables = new ArrayList<>(catalog.tables(schema));
                if (schema.equals(table.schema())) {
                    tables.removeIf(t -> t.name().equals(table.name()));
                    tables.add(table);
                }
                return tables;
            }

            @Override
            public Optional<SequenceInfo> sequence(String schema, String name) {
                return catalog.sequence(schema, name);
            }

            @Override
            public Optional<SequenceInfo> sequence(long oid) {
                return catalog.sequence(oid);
            }

            @Override
            public List<SequenceInfo> sequences(String schema) {
                return catalog.sequences(schema);
            }

            @Override
            public long version() {
                return catalog.version();
            }
        };
    }
}
