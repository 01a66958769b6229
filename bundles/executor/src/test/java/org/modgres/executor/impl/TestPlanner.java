package org.modgres.executor.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import java.util.Properties;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.RelBuilder;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.ColumnType;

/** Plans SQL with Calcite against the storage double's tables, as the real planner would. */
final class TestPlanner {

    private final InMemoryStorage storage;

    TestPlanner(InMemoryStorage storage) {
        this.storage = storage;
    }

    RelationalPlan plan(String sql) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        root.add("public", new AbstractSchema() {
            @Override
            protected Map<String, Table> getTableMap() {
                Map<String, Table> map = new HashMap<>();
                for (TableInfo info : storage.tables()) {
                    map.put(info.name(), new StorageTable(info));
                }
                return map;
            }
        });
        JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(new TestTypeSystem());
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        CalciteCatalogReader catalog = new CalciteCatalogReader(root, List.of("public"), typeFactory,
                new CalciteConnectionConfigImpl(properties));
        SqlValidator validator = SqlValidatorUtil.newValidator(SqlStdOperatorTable.instance(), catalog, typeFactory,
                // without identifier expansion Calcite casts UPDATE's SET values to the wrong columns' types
                SqlValidator.Config.DEFAULT.withIdentifierExpansion(true));
        try {
            SqlNode parsed = SqlParser.create(sql, SqlParser.config().withUnquotedCasing(Casing.TO_LOWER)
                    .withQuotedCasing(Casing.UNCHANGED).withCaseSensitive(true)).parseStmt();
            SqlNode validated = validator.validate(parsed);
            HepPlanner planner = new HepPlanner(new HepProgramBuilder().build());
            // fold nothing at plan time: Calcite's constant folding has its own cast semantics
            planner.setExecutor((rexBuilder, constants, reduced) -> reduced.addAll(constants));
            RelOptCluster cluster = RelOptCluster.create(planner, new LiteralPreservingRexBuilder(typeFactory));
            SqlToRelConverter converter = new SqlToRelConverter(null, validator, catalog, cluster,
                    StandardConvertletTable.INSTANCE, SqlToRelConverter.config().withExpand(false));
            RelRoot relRoot = converter.convertQuery(validated, false, true);
            RelNode rel = relRoot.rel instanceof TableModify ? relRoot.rel : relRoot.project();
            rel = optimize(rel);
            StatementKind kind = switch (relRoot.kind) {
                case INSERT -> StatementKind.INSERT;
                case UPDATE -> StatementKind.UPDATE;
                case DELETE -> StatementKind.DELETE;
                default -> StatementKind.SELECT;
            };
            return new RelationalPlan(kind, "test", rel, List.of(), List.of(), 0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot plan " + sql + ": " + e.getMessage(), e);
        }
    }

    private static RelNode optimize(RelNode rel) {
        HepProgramBuilder subQueries = new HepProgramBuilder()
                .addRuleInstance(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE)
                .addRuleInstance(CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE)
                .addRuleInstance(CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);
        HepPlanner removal = new HepPlanner(subQueries.build());
        removal.setRoot(rel);
        RelNode decorrelated = RelDecorrelator.decorrelateQuery(removal.findBestExp(),
                RelBuilder.proto(org.apache.calcite.plan.Contexts.empty()).create(rel.getCluster(), null));
        HepProgramBuilder program = new HepProgramBuilder()
                .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
                .addRuleInstance(CoreRules.FILTER_MERGE)
                .addRuleInstance(CoreRules.PROJECT_MERGE)
                .addRuleInstance(CoreRules.PROJECT_REMOVE)
                .addRuleInstance(CoreRules.AGGREGATE_PROJECT_MERGE);
        HepPlanner hep = new HepPlanner(program.build());
        hep.setRoot(decorrelated);
        return hep.findBestExp();
    }

    /** A storage table as Calcite sees it: only its row type. */
    private static final class StorageTable extends AbstractTable {

        private final TableInfo info;

        StorageTable(TableInfo info) {
            this.info = info;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory factory) {
            RelDataTypeFactory.Builder builder = factory.builder();
            for (ColumnInfo column : info.columns()) {
                builder.add(column.name(), factory.createTypeWithNullability(sqlType(factory, column.type()),
                        !column.notNull()));
            }
            return builder.build();
        }

        private static RelDataType sqlType(RelDataTypeFactory factory, ColumnType type) {
            return switch (type.type()) {
                case BOOL -> factory.createSqlType(SqlTypeName.BOOLEAN);
                case INT2 -> factory.createSqlType(SqlTypeName.SMALLINT);
                case INT4 -> factory.createSqlType(SqlTypeName.INTEGER);
                case INT8 -> factory.createSqlType(SqlTypeName.BIGINT);
                case FLOAT4 -> factory.createSqlType(SqlTypeName.REAL);
                case FLOAT8 -> factory.createSqlType(SqlTypeName.DOUBLE);
                case NUMERIC -> type.precision() < 0
                        ? factory.createSqlType(SqlTypeName.DECIMAL, TestTypeSystem.NUMERIC_MAX, 0)
                        : factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
                case VARCHAR -> type.length() < 0 ? factory.createSqlType(SqlTypeName.VARCHAR)
                        : factory.createSqlType(SqlTypeName.VARCHAR, type.length());
                case BPCHAR -> factory.createSqlType(SqlTypeName.CHAR, Math.max(type.length(), 1));
                case TEXT -> factory.createSqlType(SqlTypeName.VARCHAR);
                case DATE -> factory.createSqlType(SqlTypeName.DATE);
                case TIME -> factory.createSqlType(SqlTypeName.TIME);
                case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
                case BYTEA -> factory.createSqlType(SqlTypeName.VARBINARY);
                default -> throw new IllegalArgumentException("no Calcite type for " + type);
            };
        }
    }
}
