package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.hint.RelHint;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;

/**
 * The privilege checks of the tables a plan reads through views, as PostgreSQL makes them: the
 * statement's role needs SELECT on the view it names, the view's owner needs SELECT on the
 * columns the view reads (views inside it included). The planner marks the scans of a view's
 * tables with a {@code modgres_view} hint per view, innermost first, whose options are the view's
 * schema, name and OID; {@link PlanPrivileges} keeps their columns apart under {@link #key}.
 */
final class ViewReads {

    /** The hint the planner puts on a scan read through a view. */
    static final String VIEW_HINT = "modgres_view";

    /** Marks the key of a table read through views: [schema, table, VIA, view OIDs innermost first]. */
    private static final String VIA = "#view";

    private ViewReads() {
    }

    /**
     * Returns what {@link PlanPrivileges} files a scan's columns under: the table's qualified name,
     * followed for a scan through views by {@value #VIA} and the views' OIDs, innermost first.
     */
    static List<String> key(TableScan scan) {
        List<String> key = new ArrayList<>(scan.getTable().getQualifiedName());
        for (RelHint hint : scan.getHints()) {
            if (hint.hintName.equals(VIEW_HINT) && hint.listOptions.size() == 3) {
                if (!key.contains(VIA)) {
                    key.add(VIA);
                }
                key.add(hint.listOptions.get(2));
            }
        }
        return key;
    }

    /**
     * Returns the schema a plan names a relation in: the table's own, or for a table read through
     * views the outermost view's, which the statement named.
     */
    static Optional<String> namedSchema(List<String> key, Catalog catalog) {
        int via = key.indexOf(VIA);
        if (via < 0) {
            return key.size() == 2 ? Optional.of(key.get(0)) : Optional.empty();
        }
        return via + 1 < key.size() ? catalog.view(Long.parseLong(key.getLast())).map(ViewInfo::schema)
                : Optional.empty();
    }

    /**
     * Throws 42501 unless the statement's role may read the outermost view of each read through
     * views and each view's owner may read what the view reads.
     */
    static void check(Map<List<String>, Map<TablePrivilege, PlanPrivileges.Columns>> needed, AccessControl access,
                      Catalog catalog) {
        for (Map.Entry<List<String>, Map<TablePrivilege, PlanPrivileges.Columns>> entry : needed.entrySet()) {
            List<String> key = entry.getKey();
            int via = key.indexOf(VIA);
            if (via != 2) {
                continue;
            }
            AccessControl reader = throughViews(key.subList(via + 1, key.size()), access, catalog);
            Optional<TableInfo> table = catalog.table(key.get(0), key.get(1));
            if (table.isPresent()) {
                reader.require(table.get(), entry.getValue());
            }
        }
    }

    /**
     * Returns the schemas of the views a statement names among the chains of views it reads
     * (see {@link org.modgres.api.plan.RelationalPlan#viewsRead()}).
     */
    static Set<String> namedSchemas(List<List<Long>> viewChains, Catalog catalog) {
        Set<String> schemas = new LinkedHashSet<>();
        for (List<Long> chain : viewChains) {
            catalog.view(chain.getLast()).ifPresent(view -> schemas.add(view.schema()));
        }
        return schemas;
    }

    /**
     * Throws 42501 unless the statement's role may read each view it names and each view's owner
     * may read the views that view names: the check of views that read no table, which no scan marks.
     */
    static void checkViews(List<List<Long>> viewChains, AccessControl access, Catalog catalog) {
        for (List<Long> chain : viewChains) {
            throughViews(chain.stream().map(String::valueOf).toList(), access, catalog);
        }
    }

    /**
     * Checks SELECT on each view, outermost first, for the role reading it, and returns the checks
     * of the owner of the innermost one, who reads the table.
     */
    private static AccessControl throughViews(List<String> viewOids, AccessControl access, Catalog catalog) {
        AccessControl reader = access;
        for (String oid : viewOids.reversed()) {
            Optional<ViewInfo> view = catalog.view(Long.parseLong(oid));
            if (view.isPresent()) {
                if (!reader.has(asTable(view.get()), TablePrivilege.SELECT)) {
                    throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for view "
                            + view.get().name());
                }
                reader = ownerOf(view.get(), access.roles());
            }
        }
        return reader;
    }

    /** Returns a view as the privilege checks see a relation. */
    static TableInfo asTable(ViewInfo view) {
        return new TableInfo(view.oid(), view.schema(), view.name(), view.columns(), List.of());
    }

    private static AccessControl ownerOf(ViewInfo view, RoleCatalog roles) {
        long owner = roles.privileges(view.oid()).owner();
        return new AccessControl(roles, roles.role(owner).map(RoleInfo::name).orElse(""));
    }
}
