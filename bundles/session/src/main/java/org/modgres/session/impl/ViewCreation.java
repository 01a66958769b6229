package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.hint.RelHint;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.ViewStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.storage.ViewInfo;

/**
 * CREATE [OR REPLACE] VIEW: the query is planned to find its columns and the relations it reads
 * (the planner checks it as a SELECT would be), and the view keeps its text, its columns and the
 * search path its names were found in, as PostgreSQL's DefineView does with the parsed query.
 * OR REPLACE keeps the columns the view had, in order, and may add new ones after them.
 */
final class ViewCreation {

    private final Services services;
    private final StatementRunner runner;

    ViewCreation(Services services, StatementRunner runner) {
        this.services = services;
        this.runner = runner;
    }

    /** Creates or replaces the view; returns it when it is new, null when it replaced one. */
    ViewInfo create(ViewStatement.Create create, Transaction transaction) {
        Catalog catalog = services.storage().catalog();
        List<String> name = name(create.name(), catalog);
        Plan plan = services.planner().plan(create.query(), runner.planningContext(List.of(), false));
        if (!(plan instanceof RelationalPlan relational)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "this query cannot be a view");
        }
        List<ColumnInfo> columns = columns(create.columns(), relational.columns());
        Optional<ViewInfo> existing = catalog.view(name.get(0), name.get(1));
        if (create.orReplace() && existing.isEmpty() && catalog.table(name.get(0), name.get(1)).isPresent()) {
            throw new PgException(SqlState.WRONG_OBJECT_TYPE, "\"" + name.get(1) + "\" is not a view");
        }
        if (create.orReplace() && existing.isPresent()) {
            checkReplacement(existing.get().columns(), columns);
        }
        // the planner may have changed the tree: the text is printed from a fresh one
        Object tree = services.parser().parse(create.query().text()).get(0) instanceof PlannableStatement fresh
                ? fresh.syntaxTree() : null;
        ViewDefinitions.Texts definition = ViewDefinitions.of(create.query().text(), tree,
                columns.stream().map(ColumnInfo::name).toList(), catalog);
        ViewInfo view = transaction.createView(new ViewInfo(0, name.get(0), name.get(1), columns, definition.pretty(),
                definition.plain(), runner.searchPath().schemas(), dependencies(relational, catalog)),
                create.orReplace());
        return existing.isPresent() && create.orReplace() ? null : view;
    }

    private static List<String> name(List<String> written, Catalog catalog) {
        if (written.size() == 1) {
            return List.of(SessionSearchPath.creationSchema(), written.get(0));
        }
        List<String> name = written.subList(written.size() - 2, written.size());
        if (catalog.schema(name.get(0)).isEmpty()) {
            throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name.get(0) + "\" does not exist");
        }
        return List.copyOf(name);
    }

    /** Returns the view's columns: the query's, renamed by the names the statement gives. */
    private static List<ColumnInfo> columns(List<String> names, List<ResultColumn> result) {
        if (names.size() > result.size()) {
            throw new PgException(SqlState.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns");
        }
        List<ColumnInfo> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < result.size(); i++) {
            String column = i < names.size() ? names.get(i) : result.get(i).name();
            if (!seen.add(column)) {
                throw new PgException(SqlState.DUPLICATE_COLUMN, "column \"" + column + "\" specified more than once");
            }
            columns.add(new ColumnInfo(column, result.get(i).type(), false));
        }
        return columns;
    }

    /** Refuses what CREATE OR REPLACE VIEW may not change: the existing columns' names, types and order. */
    private static void checkReplacement(List<ColumnInfo> old, List<ColumnInfo> replacement) {
        if (replacement.size() < old.size()) {
            throw new PgException(SqlState.INVALID_TABLE_DEFINITION, "cannot drop columns from view");
        }
        for (int i = 0; i < old.size(); i++) {
            ColumnInfo before = old.get(i);
            ColumnInfo after = replacement.get(i);
            if (!before.name().equals(after.name())) {
                throw new PgException(SqlState.INVALID_TABLE_DEFINITION, Severity.ERROR,
                        "cannot change name of view column \"" + before.name() + "\" to \"" + after.name() + "\"",
                        null, "Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.", 0, null);
            }
            if (!before.type().equals(after.type())) {
                throw new PgException(SqlState.INVALID_TABLE_DEFINITION, "cannot change data type of view column \""
                        + before.name() + "\" from " + typeName(before) + " to " + typeName(after));
            }
        }
    }

    private static String typeName(ColumnInfo column) {
        return column.type().format();
    }

    /**
     * Returns the OIDs of the tables and views the planned query reads directly: a scan through
     * a view stands for the outermost view it was read through.
     */
    private static List<Long> dependencies(RelationalPlan plan, Catalog catalog) {
        Set<Long> oids = new LinkedHashSet<>();
        collect(plan.root(), catalog, oids);
        return List.copyOf(oids);
    }

    private static void collect(RelNode node, Catalog catalog, Set<Long> oids) {
        if (node instanceof TableScan scan) {
            List<RelHint> views = scan.getHints().stream().filter(h -> h.hintName.equals(ViewReads.VIEW_HINT))
                    .toList();
            if (!views.isEmpty()) {
                oids.add(Long.parseLong(views.getLast().listOptions.get(2)));
            } else {
                List<String> name = scan.getTable().getQualifiedName();
                if (name.size() == 2) {
                    catalog.table(name.get(0), name.get(1)).ifPresent(table -> oids.add(table.oid()));
                }
            }
        }
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                collect(subQuery.rel, catalog, oids);
                return super.visitSubQuery(subQuery);
            }
        });
        node.getInputs().forEach(input -> collect(input, catalog, oids));
    }
}
