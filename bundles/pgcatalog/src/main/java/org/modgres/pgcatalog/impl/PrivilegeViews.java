package org.modgres.pgcatalog.impl;

import java.util.List;

import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;

/**
 * information_schema's table_privileges and role_table_grants: one row per privilege an access
 * control list grants on a user table (the default list of the owner when there is none). A role
 * sees the rows it granted or was granted, and those granted to PUBLIC in table_privileges; a
 * superuser sees every row. The system catalogs, which PostgreSQL lists too, are left out.
 */
final class PrivilegeViews {

    private static final String SCHEMA = "information_schema";
    private static final String COLUMNS = "grantor sql_identifier, grantee sql_identifier, "
            + "table_catalog sql_identifier, table_schema sql_identifier, table_name sql_identifier, "
            + "privilege_type character_data, is_grantable yes_or_no, with_hierarchy yes_or_no";

    private PrivilegeViews() {
    }

    static List<SystemRelation> all(CatalogSource source) {
        return List.of(
                new CatalogRelation(source, SCHEMA, "table_privileges", 13416, true, COLUMNS,
                        (model, context, rows) -> addRows(model, context, rows, true)),
                new CatalogRelation(source, SCHEMA, "role_table_grants", 13421, true, COLUMNS,
                        (model, context, rows) -> addRows(model, context, rows, false)));
    }

    private static void addRows(CatalogModel model, SystemRelationContext context, Rows rows, boolean withPublic) {
        RoleCatalog roles = model.roles();
        RoleInfo current = roles.role(context.currentUser()).orElse(null);
        boolean superuser = current != null && current.superuser();
        long currentOid = current == null ? -1 : current.oid();
        for (CatalogModel.Relation relation : model.relations()) {
            if (relation.table() == null || !relation.kind().equals("r")) {
                continue;
            }
            RelationPrivileges privileges = roles.privileges(relation.table().oid());
            for (AclItem item : privileges.effectiveAcl()) {
                boolean visible = superuser || item.grantor() == currentOid || item.grantee() == currentOid
                        || withPublic && item.grantee() == AclItem.PUBLIC;
                if (!visible) {
                    continue;
                }
                String grantee = item.grantee() == AclItem.PUBLIC ? "PUBLIC" : Roles.name(roles, item.grantee());
                boolean granteeOwns = item.grantee() == privileges.owner()
                        || roles.role(item.grantee()).map(RoleInfo::superuser).orElse(false);
                for (TablePrivilege privilege : TablePrivilege.values()) {
                    if (!item.privileges().contains(privilege)) {
                        continue;
                    }
                    rows.add().set("grantor", Roles.name(roles, item.grantor())).set("grantee", grantee)
                            .set("table_catalog", model.database()).set("table_schema", relation.schema())
                            .set("table_name", relation.name()).set("privilege_type", privilege.sqlName())
                            .set("is_grantable", item.grantOptions().contains(privilege) || granteeOwns ? "YES" : "NO")
                            .set("with_hierarchy", privilege == TablePrivilege.SELECT ? "YES" : "NO");
                }
            }
        }
    }
}
