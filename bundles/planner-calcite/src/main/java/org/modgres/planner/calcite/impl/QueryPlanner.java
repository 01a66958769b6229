package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Table;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;
import org.modgres.api.catalog.SystemFunctionOperator;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.OnConflict;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * Plans queries and DML: validates the statement against the catalog, converts it to relational
 * algebra and rewrites it with heuristic rules (sub-queries to joins, filters pushed into joins,
 * projections merged, window functions into Window nodes). The result is logical algebra the
 * executor interprets. RETURNING and ON CONFLICT DO UPDATE are planned as queries of their own
 * over the target table (see {@link ReturningPlanner}, {@link OnConflictPlanner}).
 */
final class QueryPlanner {

    private final String plannerName;
    private final SystemCatalog system;
    private final HepProgram optimization;

    /** @param optimization rules run after the common rewrites; null for none */
    QueryPlanner(String plannerName, SystemCatalog system, HepProgram optimization) {
        this.plannerName = plannerName;
        this.system = system;
        this.optimization = optimization;
    }

    RelationalPlan plan(PlannableStatement statement, PlanningContext context, long catalogVersion) {
        ViewExpansions.Recorded<RelationalPlan> recorded = ViewExpansions.record(() -> {
            RelationalPlan withDml = DataModifyingWithPlanner.planIfAny(statement,
                    (part, rowsTables) -> plan(part, context, catalogVersion, rowsTables));
            return withDml != null ? withDml : plan(statement, context, catalogVersion, Map.of());
        });
        RelationalPlan plan = recorded.result();
        return recorded.viewChains().isEmpty() ? plan : plan.withViewsRead(recorded.viewChains());
    }

    /** @param rowsTables the transient tables of data-modifying WITH queries the statement may read, by name */
    private RelationalPlan plan(PlannableStatement statement, PlanningContext context, long catalogVersion,
                                Map<String, Table> rowsTables) {
        StatementConverter converter = new StatementConverter(context.catalog(), system, statement.text());
        rowsTables.forEach(converter::addTable);
        RelDataTypeFactory typeFactory = converter.typeFactory();
        StatementParts parts = WithAroundDml.inline(StatementParts.of(
                CatalogRewriter.rewrite((SqlNode) statement.syntaxTree(), system, typeFactory)));

        // the clauses' queries are built from the DML's tree before validation changes it
        SqlSelect returning = parts.returning() == null ? null
                : typeDeclaredParameters(ReturningPlanner.query(parts.main(), parts.returning(), parts.from()), context,
                        typeFactory);
        TableInfo conflictTable = parts.onConflict() ? conflictTable(parts, context) : null;
        SqlSelect conflictUpdate = parts.conflictUpdate() == null ? null
                : typeDeclaredParameters(OnConflictPlanner.query((SqlInsert) parts.main(), parts.conflictUpdate(),
                        conflictTable, typeFactory), context, typeFactory);

        ViewWrites.refuse(parts.main(), context.catalog(), system);
        TableInfo checkedTable = writtenTable(parts.main(), context);
        GeneratedAlwaysColumns.check(parts.main(), checkedTable, statement.text());
        WithQueryNames.check(parts.main(), statement.text());
        List<RecursiveQueries.NonRecursiveTerm> nonRecursiveTerms =
                RecursiveQueries.checkForm(parts.main(), statement.text());
        // UPDATE ... FROM and DELETE ... USING are planned as the query of the rows they change
        SqlNode statementTree = parts.from() == null ? parts.main() : JoinedDml.sourceQuery(parts.main(), parts.from());
        SqlNode tree = typeDeclaredParameters(statementTree, context, typeFactory);
        tree = UnknownLiteralTyping.apply(tree, context.catalog(), typeFactory);
        tree = DistinctOnRewriter.rewrite(tree, statement.text());
        tree = EmptyArrays.rewrite(AggregateOrders.rewrite(tree, statement.text()), statement.text());
        tree = RecordJson.rewrite(tree, converter);
        SqlNode validated = converter.validate(tree);
        RecursiveQueries.checkTypes(nonRecursiveTerms, validated, converter, statement.text());
        // the target of UPDATE ... FROM or DELETE ... USING stays the left input of its joins, where
        // the executor tracks its rows: a join order chosen by cost could move it
        RelNode rel = converter.convertAndRewrite(validated, parts.from() == null ? optimization : null);
        if (parts.from() != null) {
            rel = JoinedDml.modify(parts.main(), rel, converter, statement.text());
        }

        List<SqlNode> validatedTrees = new ArrayList<>(List.of(validated));
        List<ResultColumn> columns = isQuery(statement.kind())
                ? resultColumns(rel, ResultLabels.of(validated, converter.validator(), statement.text()))
                : List.of();
        rel = StatementConverter.windowsToNodes(rel);
        rel = IndexScans.choose(rel);
        RelNode returningRel = null;
        if (returning != null) {
            SqlNode validatedReturning = converter.validate(returning);
            validatedTrees.add(validatedReturning);
            returningRel = ReturningPlanner.convert(validatedReturning, converter);
            columns = resultColumns(returningRel, ResultLabels.of(validatedReturning, converter.validator(), statement.text()));
        }
        OnConflict onConflict = null;
        if (conflictTable != null) {
            List<Integer> arbiters = OnConflictPlanner.arbiters(conflictTable, parts.conflictTarget());
            if (conflictUpdate == null) {
                onConflict = new OnConflict(arbiters, null);
            } else {
                SqlNode validatedUpdate = converter.validate(conflictUpdate);
                validatedTrees.add(validatedUpdate);
                onConflict = OnConflictPlanner.plan(arbiters, validatedUpdate, converter);
            }
        }
        List<PgType> parameterTypes = parameterTypes(validatedTrees, converter.validator(), context,
                statement.parameterCount(), LimitParameters.indexes(rel));
        RelNode checks = checkedTable == null ? null
                : CheckConstraints.plan(checkedTable, converter, context.catalog());
        return new RelationalPlan(statement.kind(), plannerName, rel, columns, parameterTypes, catalogVersion,
                returningRel, onConflict, List.of(), checks);
    }

    /** Returns the table an INSERT or UPDATE writes rows to, whose CHECK constraints they meet; or null. */
    private static TableInfo writtenTable(SqlNode dml, PlanningContext context) {
        SqlNode target = switch (dml) {
            case SqlInsert insert -> insert.getTargetTable();
            case SqlUpdate update -> update.getTargetTable();
            default -> null;
        };
        if (!(target instanceof SqlIdentifier identifier)) {
            return null;
        }
        List<String> name = DdlPlanner.qualified(identifier);
        return context.catalog().table(name.get(0), name.get(1)).orElse(null);
    }

    private static boolean isQuery(StatementKind kind) {
        return kind == StatementKind.SELECT || kind == StatementKind.VALUES;
    }

    private static TableInfo conflictTable(StatementParts parts, PlanningContext context) {
        if (!(((SqlInsert) parts.main()).getTargetTable() instanceof SqlIdentifier target)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "ON CONFLICT with this target table");
        }
        List<String> name = DdlPlanner.qualified(target);
        return context.catalog().table(name.get(0), name.get(1)).orElseThrow(() -> new PgException(
                SqlState.UNDEFINED_TABLE, "relation \"" + name.get(1) + "\" does not exist"));
    }

    /**
     * Wraps each parameter whose type the client declared in a cast to that type, except in
     * LIMIT and OFFSET, which take only a parameter or a literal.
     */
    private static <T extends SqlNode> T typeDeclaredParameters(T tree, PlanningContext context,
                                                                RelDataTypeFactory typeFactory) {
        if (context.declaredParameterTypes().isEmpty()) {
            return tree;
        }
        SqlShuttle shuttle = new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                PgType declared = context.declaredType(param.getIndex());
                if (declared == null || declared == PgType.UNKNOWN) {
                    return param;
                }
                RelDataType type = TypeMapping.toCalcite(typeFactory, ColumnType.of(declared), true);
                return SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, param,
                        TypeMapping.spec(type));
            }

            @Override
            public SqlNode visit(SqlCall call) {
                if (call instanceof SqlOrderBy orderBy) {
                    return new SqlOrderBy(orderBy.getParserPosition(), orderBy.query.accept(this),
                            (SqlNodeList) orderBy.orderList.accept(this),
                            orderBy.offset, orderBy.fetch);
                }
                return super.visit(call);
            }
        };
        @SuppressWarnings("unchecked")
        T typed = (T) tree.accept(shuttle);
        return typed;
    }

    /**
     * Returns the parameters' types: as the client declared them, else bigint for a LIMIT or an
     * OFFSET, else as inferred from where they are used in any part of the statement.
     */
    private static List<PgType> parameterTypes(List<SqlNode> validatedTrees, SqlValidator validator,
                                               PlanningContext context, int parameterCount,
                                               Set<Integer> limitParameters) {
        PgType[] types = new PgType[parameterCount];
        SqlShuttle collector = new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                int index = param.getIndex();
                if (index < types.length && types[index] == null) {
                    RelDataType type = validator.getValidatedNodeTypeIfKnown(param);
                    if (type != null && type.getSqlTypeName() != SqlTypeName.UNKNOWN) {
                        types[index] = TypeMapping.toPostgres(type).type();
                    }
                }
                return param;
            }
        };
        validatedTrees.forEach(tree -> tree.accept(collector));
        List<PgType> result = new ArrayList<>(parameterCount);
        for (int i = 0; i < parameterCount; i++) {
            PgType declared = context.declaredType(i);
            if (declared != null && declared != PgType.UNKNOWN) {
                result.add(declared);
            } else if (limitParameters.contains(i)) {
                result.add(PgType.INT8);
            } else if (types[i] != null) {
                result.add(types[i]);
            } else if (used(validatedTrees, i)) {
                throw new PgException(SqlState.INDETERMINATE_DATATYPE,
                        "could not determine data type of parameter $" + (i + 1));
            } else {
                result.add(PgType.TEXT);
            }
        }
        return result;
    }

    private static boolean used(List<SqlNode> trees, int index) {
        boolean[] found = {false};
        SqlShuttle finder = new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                found[0] |= param.getIndex() == index;
                return param;
            }
        };
        trees.forEach(tree -> tree.accept(finder));
        return found[0];
    }

    /**
     * Returns the declared result type of a system function whose call is a column of the result,
     * such as {@code pg_get_userbyid} (name), which Calcite's types cannot tell from text; or null.
     * The column is followed down through sorts, filters and projections that pass it on, as ORDER BY
     * of an expression that is not selected puts a projection above the sort.
     */
    private static PgType systemFunctionResult(RelNode rel, int column) {
        RelNode node = rel;
        int index = column;
        while (true) {
            switch (node) {
                case Sort sort -> node = sort.getInput();
                case Filter filter -> node = filter.getInput();
                case Project project -> {
                    RexNode expression = project.getProjects().get(index);
                    if (expression instanceof RexCall call && call.getOperator() instanceof SystemFunctionOperator op) {
                        return op.function().returnType();
                    }
                    if (expression instanceof RexCall call && USER_FUNCTIONS.contains(call.getOperator())) {
                        return PgType.NAME;
                    }
                    if (!(expression instanceof RexInputRef ref)) {
                        return null;
                    }
                    node = project.getInput();
                    index = ref.getIndex();
                }
                default -> {
                    return null;
                }
            }
        }
    }

    /** The role functions, of type name in PostgreSQL, which Calcite types as text. */
    private static final Set<SqlOperator> USER_FUNCTIONS = Set.of(SqlStdOperatorTable.USER,
            SqlStdOperatorTable.CURRENT_USER, SqlStdOperatorTable.SESSION_USER, SqlStdOperatorTable.CURRENT_ROLE);

    /** Describes the result, with the table and column each value comes from where there is one. */
    private static List<ResultColumn> resultColumns(RelNode rel, List<String> labels) {
        List<RelDataType> types = rel.getRowType().getFieldList().stream().map(f -> f.getType()).toList();
        List<ResultColumn> columns = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            ResultColumn column = ResultColumn.of(labels.get(i), TypeMapping.toPostgres(types.get(i)));
            ColumnOrigins.Origin origin = ColumnOrigins.of(rel, i);
            if (origin != null) {
                RelOptTable table = origin.table();
                CatalogTable catalogTable = table.unwrap(CatalogTable.class);
                SystemRelation relation = table.unwrap(SystemRelation.class);
                int ordinal = origin.column();
                if (catalogTable != null) {
                    TableInfo info = catalogTable.info();
                    column = new ResultColumn(labels.get(i), info.columns().get(ordinal).type(), info.oid(),
                            ordinal + 1);
                } else if (relation != null) {
                    column = new ResultColumn(labels.get(i), relation.columns().get(ordinal).type(), relation.oid(),
                            ordinal + 1);
                }
            } else if (systemFunctionResult(rel, i) instanceof PgType declared) {
                column = ResultColumn.of(labels.get(i), ColumnType.of(declared));
            }
            columns.add(column);
        }
        return columns;
    }
}
