package org.modgres.planner.calcite.impl;

import java.util.List;
import java.util.Properties;

import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.RelBuilder;
import org.modgres.api.error.PgException;
import org.modgres.api.storage.Catalog;

/**
 * Validates the syntax trees of one statement against the catalog and converts them to
 * relational algebra. One instance serves one statement, whose parts (the DML, its RETURNING,
 * its ON CONFLICT update) share the validator, so each part's tree is validated once.
 */
final class StatementConverter {

    private static final SqlOperatorTable BUILT_IN_OPERATORS = SqlOperatorTables.chain(
            SessionFunctions.OPERATORS,
            ArrayFunctions.OPERATORS,
            JsonTableFunctions.OPERATORS,
            LibraryFunctions.BEFORE_STANDARD,
            SqlStdOperatorTable.instance(),
            LibraryFunctions.OPERATORS,
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL));

    private static final HepProgram SUB_QUERIES = new HepProgramBuilder()
            .addRuleCollection(List.of(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                    CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE, CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
            .build();

    private static final HepProgram REWRITES = new HepProgramBuilder()
            .addRuleCollection(List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH,
                    CoreRules.FILTER_MERGE, CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_REMOVE, CoreRules.AGGREGATE_PROJECT_MERGE))
            .build();

    /** Window functions leave the projections for Window nodes, which executors run as such. */
    private static final HepProgram WINDOWS = new HepProgramBuilder()
            .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
            .build();

    private final String text;
    private final SystemCatalog system;
    private final RelDataTypeFactory typeFactory = new ModgresTypeFactory();
    private final CalciteCatalogReader catalogReader;
    private final SqlValidator validator;
    private final HepPlanner subQueries = new HepPlanner(SUB_QUERIES);
    private final RelOptCluster cluster;
    private final SqlToRelConverter converter;

    /**
     * @param system the system relations and functions to plan with
     * @param text   the statement's text, for the positions of errors
     */
    StatementConverter(Catalog catalog, SystemCatalog system, String text) {
        this.text = text;
        this.system = system;
        this.catalogReader = catalogReader(catalog, system, typeFactory, SearchPath.current().lookupOrder());
        this.validator = newValidator(system, catalogReader, typeFactory);
        subQueries.setExecutor(CastPreservingRexBuilder.NO_CONSTANT_FOLDING);
        RexBuilder rexBuilder = new CastPreservingRexBuilder(typeFactory);
        this.cluster = RelOptCluster.create(subQueries, rexBuilder);
        this.converter = new SqlToRelConverter(new ViewExpansion(catalog, system, cluster), validator,
                catalogReader, cluster, SessionFunctions.convertlets(), CONVERTER_CONFIG);
    }

    static final SqlToRelConverter.Config CONVERTER_CONFIG =
            SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false)
                    .withHintStrategyTable(ViewTable.HINT_STRATEGIES);

    static SqlValidator newValidator(SystemCatalog system, CalciteCatalogReader reader, RelDataTypeFactory types) {
        SqlOperatorTable operators = SqlOperatorTables.chain(system.operators(), BUILT_IN_OPERATORS);
        return SqlValidatorUtil.newValidator(operators, reader, types,
                SqlValidator.Config.DEFAULT
                        .withConformance(SqlConformanceEnum.LENIENT)
                        .withDefaultNullCollation(NullCollation.HIGH)
                        .withTypeCoercionFactory(UnknownLiteralCoercion::new)
                        .withTypeCoercionRules(CastRules.POSTGRES)
                        .withIdentifierExpansion(true));
    }

    /** Returns the table a name resolves to along the search path, or null. */
    RelOptTable table(List<String> names) {
        return catalogReader.getTable(names);
    }

    /** Makes a table resolvable by its name alone, for this statement only. */
    void addTable(String name, org.apache.calcite.schema.Table table) {
        catalogReader.getRootSchema().add(name, table);
    }

    CalciteCatalogReader catalogReader() {
        return catalogReader;
    }

        RelDataTypeFactory typeFactory() {
        return typeFactory;
    }

    SqlValidator validator() {
        return validator;
    }

    /** Validates a tree, with PostgreSQL's errors for what is wrong in it. */
    SqlNode validate(SqlNode tree) {
        try {
            return validator.validate(tree);
        } catch (PgException e) {
            throw e;
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e, text);
        }
    }

    /** Converts a validated tree as it is, without rewriting it. */
    RelNode convert(SqlNode validated) {
        return converter.convertQuery(validated, false, true).project();
    }

    /**
     * Converts a validated tree and rewrites it with heuristic rules: sub-queries to joins,
     * filters pushed into joins, projections merged; then the planner's own optimisation, if it has
     * one, and the rules of planner-rule bundles, if any are active. Window functions stay in projections, where
     * Calcite's metadata still finds the origins of the columns; {@link #windowsToNodes} is the
     * last step.
     */
    RelNode convertAndRewrite(SqlNode validated, HepProgram optimization) {
        RelNode rel = convert(validated);
        subQueries.setRoot(rel);
        RelNode withoutSubQueries = subQueries.findBestExp();
        RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(cluster, null);
        RelNode decorrelated = RelDecorrelator.decorrelateQuery(withoutSubQueries, relBuilder);
        RelNode rewritten = run(REWRITES, decorrelated);
        if (optimization != null) {
            rewritten = run(optimization, rewritten);
        }
        HepProgram extensionRules = system.extensionRules();
        if (extensionRules != null) {
            rewritten = run(extensionRules, rewritten);
        }
        return LimitParameters.retype(expandSearches(rewritten));
    }

    /** Moves window functions out of projections into Window nodes, which executors run as such. */
    static RelNode windowsToNodes(RelNode rel) {
        return run(WINDOWS, rel);
    }

    /** Expands SEARCH calls, the one rewrite every plan gets. */
    RelNode expandSearches(RelNode rel) {
        return rel.accept(new SearchExpander(cluster.getRexBuilder()));
    }

    private static RelNode run(HepProgram program, RelNode rel) {
        HepPlanner planner = new HepPlanner(program);
        planner.setExecutor(CastPreservingRexBuilder.NO_CONSTANT_FOLDING);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    /**
     * Returns a catalog reader that resolves an unqualified table name in the schemas of a search
     * path in order ({@link SearchPath#lookupOrder()}); a qualified name is looked up in its schema.
     */
    static CalciteCatalogReader catalogReader(Catalog catalog, SystemCatalog system,
                                              RelDataTypeFactory typeFactory, List<String> lookupOrder) {
        SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
        catalog.schemas().forEach(schema -> root.add(schema.name(), new CatalogSchema(catalog, schema.name())));
        system.schemas().forEach((name, tables) -> root.add(name, new SystemSchema(tables)));
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        List<List<String>> searchPath = new java.util.ArrayList<>();
        lookupOrder.forEach(schema -> searchPath.add(List.of(schema)));
        searchPath.add(List.of());
        return new CalciteCatalogReader(CalciteSchema.from(root), SqlNameMatchers.withCaseSensitive(true), searchPath,
                typeFactory, new CalciteConnectionConfigImpl(properties)) {
        };
    }
}
