package org.modgres.planner.calcite.impl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ViewInfo;

/**
 * Refuses INSERT, UPDATE and DELETE on a view with PostgreSQL's error for a view that is not
 * automatically updatable, and the reason rewriteHandler.c's view_query_is_auto_updatable gives.
 * Views PostgreSQL would update (one table, plain columns) are refused as not supported yet.
 */
final class ViewWrites {

    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "bool_and",
            "bool_or", "every", "string_agg", "array_agg", "json_agg", "jsonb_agg", "stddev", "variance");

    private ViewWrites() {
    }

    /** Throws when the DML's target is a view; does nothing for other statements. */
    static void refuse(SqlNode dml, Catalog catalog, SystemCatalog system) {
        SqlNode target;
        String verb;
        String event;
        switch (dml) {
            case SqlInsert insert -> {
                target = insert.getTargetTable();
                verb = "insert into";
                event = "INSERT";
            }
            case SqlUpdate update -> {
                target = update.getTargetTable();
                verb = "update";
                event = "UPDATE";
            }
            case SqlDelete delete -> {
                target = delete.getTargetTable();
                verb = "delete from";
                event = "DELETE";
            }
            default -> {
                return;
            }
        }
        if (target instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            target = call.operand(0);
        }
        if (!(target instanceof SqlIdentifier identifier)) {
            return;
        }
        List<String> name = DdlPlanner.qualified(identifier);
        Optional<ViewInfo> view = catalog.view(name.get(0), name.get(1));
        if (view.isEmpty()) {
            return;
        }
        String reason = reason(ViewExpansion.parse(view.get().definition(), system, catalog,
                new org.apache.calcite.jdbc.JavaTypeFactoryImpl(ModgresTypeSystem.INSTANCE)));
        if (reason == null) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "changing automatically updatable views is not supported yet");
        }
        String action = switch (event) {
            case "INSERT" -> "inserting into";
            case "UPDATE" -> "updating";
            default -> "deleting from";
        };
        throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, Severity.ERROR,
                "cannot " + verb + " view \"" + name.get(1) + "\"", reason,
                "To enable " + action + " the view, provide an INSTEAD OF " + event
                        + " trigger or an unconditional ON " + event + " DO INSTEAD rule.", 0, null);
    }

    /** Returns why a view's query is not automatically updatable, or null when it is. */
    private static String reason(SqlNode query) {
        if (query instanceof SqlWith) {
            return "Views containing WITH are not automatically updatable.";
        }
        if (query instanceof SqlOrderBy orderBy) {
            String inner = reason(orderBy.query);
            if (inner != null) {
                return inner;
            }
            if (orderBy.fetch != null || orderBy.offset != null) {
                return "Views containing LIMIT or OFFSET are not automatically updatable.";
            }
            return null;
        }
        if (query instanceof SqlBasicCall call && (call.getKind() == SqlKind.UNION
                || call.getKind() == SqlKind.INTERSECT || call.getKind() == SqlKind.EXCEPT)) {
            return "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.";
        }
        if (!(query instanceof SqlSelect select)) {
            return "Views that do not select from a single table or view are not automatically updatable.";
        }
        if (select.isDistinct()) {
            return "Views containing DISTINCT are not automatically updatable.";
        }
        if (select.getGroup() != null && !select.getGroup().isEmpty()) {
            return "Views containing GROUP BY are not automatically updatable.";
        }
        if (select.getHaving() != null) {
            return "Views containing HAVING are not automatically updatable.";
        }
        if (select.getFetch() != null || select.getOffset() != null) {
            return "Views containing LIMIT or OFFSET are not automatically updatable.";
        }
        if (callsAggregate(select.getSelectList())) {
            return "Views that return aggregate functions are not automatically updatable.";
        }
        SqlNode from = select.getFrom();
        if (from instanceof SqlCall as && as.getKind() == SqlKind.AS) {
            from = as.operand(0);
        }
        if (!(from instanceof SqlIdentifier)) {
            return "Views that do not select from a single table or view are not automatically updatable.";
        }
        return null;
    }

    private static boolean callsAggregate(SqlNode selectList) {
        boolean[] found = {false};
        selectList.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getOperator().isAggregator()
                        || AGGREGATES.contains(call.getOperator().getName().toLowerCase(Locale.ROOT))) {
                    found[0] = true;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }
}
