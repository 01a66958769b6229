package org.modgres.api.storage;

import java.util.List;
import java.util.Objects;

/**
 * A view of CREATE VIEW. Its owner and privileges are kept as a table's are
 * ({@link org.modgres.api.role.RoleCatalog#privileges(long)}).
 *
 * @param oid        its OID, as {@code pg_class.oid}
 * @param schema     its schema
 * @param name       its name
 * @param columns    its columns in order, named as the view names them
 * @param definition its query, as {@code pg_get_viewdef(oid, true)} shows it (pretty), and as it is
 *                   parsed whenever the view is read
 * @param plainDefinition its query as {@code pg_get_viewdef(oid)} shows it, with every operator
 *                   expression in parentheses
 * @param searchPath the schemas its query's unqualified names were found in when it was created, in order
 * @param dependsOn  the OIDs of the tables and views its query reads
 */
public record ViewInfo(long oid, String schema, String name, List<ColumnInfo> columns, String definition,
                       String plainDefinition, List<String> searchPath, List<Long> dependsOn) {

    public ViewInfo {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(plainDefinition, "plainDefinition");
        columns = List.copyOf(columns);
        searchPath = List.copyOf(searchPath);
        dependsOn = List.copyOf(dependsOn);
    }

    /** Returns this view under another OID. */
    public ViewInfo withOid(long newOid) {
        return new ViewInfo(newOid, schema, name, columns, definition, plainDefinition, searchPath, dependsOn);
    }
}
