package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.RelBuilder;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * Plans queries and DML: validates the statement against the catalog, converts it to relational
 * algebra and rewrites it with heuristic rules (sub-queries to joins, filters pushed into joins,
 * projections merged). The result is logical algebra the executor interprets.
 */
final class QueryPlanner {

    private static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(
            SessionFunctions.OPERATORS,
            SqlStdOperatorTable.instance(),
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

    private final String plannerName;

    QueryPlanner(String plannerName) {
        this.plannerName = plannerName;
    }

    RelationalPlan plan(PlannableStatement statement, PlanningContext context, long catalogVersion) {
        RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl(ModgresTypeSystem.INSTANCE);
        CalciteCatalogReader catalogReader = catalogReader(context.catalog(), typeFactory);
        SqlValidator validator = SqlValidatorUtil.newValidator(OPERATORS, catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(SqlConformanceEnum.LENIENT)
                        .withDefaultNullCollation(NullCollation.HIGH)
                        .withIdentifierExpansion(true));
        SqlNode tree = typeDeclaredParameters((SqlNode) statement.syntaxTree(), context, typeFactory);
        tree = UnknownLiteralTyping.apply(tree, context.catalog(), typeFactory);
        SqlNode validated;
        try {
            validated = validator.validate(tree);
        } catch (PgException e) {
            throw e;
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e, statement.text());
        }
        List<PgType> parameterTypes = parameterTypes(validated, validator, statement.parameterCount());

        HepPlanner clusterPlanner = new HepPlanner(SUB_QUERIES);
        clusterPlanner.setExecutor(CastPreservingRexBuilder.NO_CONSTANT_FOLDING);
        RexBuilder rexBuilder = new CastPreservingRexBuilder(typeFactory);
        RelOptCluster cluster = RelOptCluster.create(clusterPlanner, rexBuilder);
        SqlToRelConverter converter = new SqlToRelConverter(null, validator, catalogReader, cluster,
                SessionFunctions.convertlets(),
                SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false));
        RelRoot root = converter.convertQuery(validated, false, true);
        RelNode rel = root.project();
        rel = rewrite(rel, clusterPlanner, cluster);

        List<ResultColumn> columns = isQuery(statement.kind())
                ? resultColumns(rel, ResultLabels.of(validated, validator))
                : List.of();
        return new RelationalPlan(statement.kind(), plannerName, rel, columns, parameterTypes, catalogVersion);
    }

    private static boolean isQuery(StatementKind kind) {
        return kind == StatementKind.SELECT || kind == StatementKind.VALUES;
    }

    private static RelNode rewrite(RelNode rel, HepPlanner subQueries, RelOptCluster cluster) {
        subQueries.setRoot(rel);
        RelNode withoutSubQueries = subQueries.findBestExp();
        RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(cluster, null);
        RelNode decorrelated = RelDecorrelator.decorrelateQuery(withoutSubQueries, relBuilder);
        HepPlanner rewrites = new HepPlanner(REWRITES);
        rewrites.setExecutor(CastPreservingRexBuilder.NO_CONSTANT_FOLDING);
        rewrites.setRoot(decorrelated);
        return rewrites.findBestExp().accept(new SearchExpander(cluster.getRexBuilder()));
    }

    private static CalciteCatalogReader catalogReader(Catalog catalog, RelDataTypeFactory typeFactory) {
        SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
        root.add(Catalog.DEFAULT_SCHEMA, new CatalogSchema(catalog, Catalog.DEFAULT_SCHEMA));
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        return new CalciteCatalogReader(CalciteSchema.from(root), List.of(Catalog.DEFAULT_SCHEMA), typeFactory,
                new CalciteConnectionConfigImpl(properties));
    }

    /** Wraps each parameter whose type the client declared in a cast to that type. */
    private static SqlNode typeDeclaredParameters(SqlNode tree, PlanningContext context,
                                                  RelDataTypeFactory typeFactory) {
        if (context.declaredParameterTypes().isEmpty()) {
            return tree;
        }
        return tree.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                PgType declared = context.declaredType(param.getIndex());
                if (declared == null || declared == PgType.UNKNOWN) {
                    return param;
                }
                RelDataType type = TypeMapping.toCalcite(typeFactory, ColumnType.of(declared), true);
                return SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, param,
                        SqlTypeUtil.convertTypeToSpec(type));
            }
        });
    }

    private static List<PgType> parameterTypes(SqlNode validated, SqlValidator validator, int parameterCount) {
        PgType[] types = new PgType[parameterCount];
        validated.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                int index = param.getIndex();
                if (index < types.length && types[index] == null) {
                    RelDataType type = validator.getValidatedNodeTypeIfKnown(param);
                    if (type == null || type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.UNKNOWN) {
                        throw new PgException(SqlState.INDETERMINATE_DATATYPE,
                                "could not determine data type of parameter $" + (index + 1));
                    }
                    types[index] = TypeMapping.toPostgres(type).type();
                }
                return param;
            }
        });
        List<PgType> result = new ArrayList<>(parameterCount);
        for (PgType type : types) {
            result.add(type == null ? PgType.TEXT : type);
        }
        return result;
    }

    /** Describes the result, with the table and column each value comes from where there is one. */
    private static List<ResultColumn> resultColumns(RelNode rel, List<String> labels) {
        RelMetadataQuery metadata = rel.getCluster().getMetadataQuery();
        List<RelDataType> types = rel.getRowType().getFieldList().stream().map(f -> f.getType()).toList();
        List<ResultColumn> columns = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            ResultColumn column = ResultColumn.of(labels.get(i), TypeMapping.toPostgres(types.get(i)));
            RelColumnOrigin origin = metadata.getColumnOrigin(rel, i);
            if (origin != null && !origin.isDerived()) {
                RelOptTable table = origin.getOriginTable();
                CatalogTable catalogTable = table.unwrap(CatalogTable.class);
                if (catalogTable != null) {
                    TableInfo info = catalogTable.info();
                    int ordinal = origin.getOriginColumnOrdinal();
                    column = new ResultColumn(labels.get(i), info.columns().get(ordinal).type(), info.oid(),
                            ordinal + 1);
                }
            }
            columns.add(column);
        }
        return columns;
    }
}
