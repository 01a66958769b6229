package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.SqlParser;
import org.modgres.api.sql.Statement;
import org.modgres.api.storage.Catalog;

/**
 * Puts a view's query in place of the view, as PostgreSQL's rewriter does: the stored text is
 * parsed with the session's parser and converted with the search path the view was created
 * under, in the cluster of the statement that reads the view.
 */
final class ViewExpansion implements RelOptTable.ViewExpander {

    private final Catalog catalog;
    private final SystemCatalog system;
    private final RelDataTypeFactory typeFactory;
    private final RelOptCluster cluster;

    ViewExpansion(Catalog catalog, SystemCatalog system, RelOptCluster cluster) {
        this.catalog = catalog;
        this.system = system;
        this.typeFactory = cluster.getTypeFactory();
        this.cluster = cluster;
    }

    /** Returns the parsed query of a view's text, ready for validation. */
    static SqlNode parse(String definition, SystemCatalog system, Catalog catalog, RelDataTypeFactory typeFactory) {
        SqlParser parser = SearchPath.current().parser();
        if (parser == null) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "views cannot be read without a parser");
        }
        List<Statement> statements = parser.parse(definition);
        if (statements.size() != 1 || !(statements.get(0) instanceof PlannableStatement query)) {
            throw new PgException(SqlState.INTERNAL_ERROR, "the definition of a view is not one query: " + definition);
        }
        SqlNode tree = CatalogRewriter.rewrite((SqlNode) query.syntaxTree(), system, typeFactory);
        tree = UnknownLiteralTyping.apply(tree, catalog, typeFactory);
        tree = AggregateOrders.rewrite(DistinctOnRewriter.rewrite(tree, definition), definition);
        return EmptyArrays.rewrite(tree, definition);
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
                              List<String> viewPath) {
        List<String> lookupOrder = new ArrayList<>(schemaPath);
        if (!lookupOrder.contains(SystemCatalog.PG_CATALOG)) {
            lookupOrder.addFirst(SystemCatalog.PG_CATALOG);
        }
        CalciteCatalogReader reader = StatementConverter.catalogReader(catalog, system, typeFactory, lookupOrder);
        SqlValidator validator = StatementConverter.newValidator(system, reader, typeFactory);
        SqlNode validated;
        try {
            validated = validator.validate(parse(queryString, system, catalog, typeFactory));
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e, queryString);
        }
        SqlToRelConverter converter = new SqlToRelConverter(this, validator, reader,
                cluster, SessionFunctions.convertlets(), StatementConverter.CONVERTER_CONFIG);
        return converter.convertQuery(validated, true, false);
    }
}
