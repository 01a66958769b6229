package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.sql.DefaultPrivilegesStatement;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.Transaction;

/**
 * ALTER DEFAULT PRIVILEGES on tables, sequences, functions, types and schemas (whose defaults
 * apply in every schema only), as PostgreSQL's SetDefaultACL runs it: the role's list for all
 * schemas starts as the built-in one and is removed when it becomes that again; a list for one
 * schema starts empty and is removed when it becomes empty. The grantor is the role whose
 * defaults change, which only its members and superusers may change.
 */
final class DefaultPrivilegeCommands {

    private final Services services;
    private final TransactionBlock transactions;
    private final SessionRoles user;

    DefaultPrivilegeCommands(Services services, TransactionBlock transactions, SessionRoles user) {
        this.services = services;
        this.transactions = transactions;
        this.user = user;
    }

    void run(DefaultPrivilegesStatement statement) {
        transactions.checkWritable(statement.kind().commandName());
        RoleCatalog roles = services.roles();
        Catalog catalog = services.storage().catalog();
        PrivilegeTarget target = switch (statement.objectType()) {
            case GrantStatement.SEQUENCE -> PrivilegeTarget.SEQUENCE;
            case GrantStatement.FUNCTION -> PrivilegeTarget.FUNCTION;
            case GrantStatement.SCHEMA -> PrivilegeTarget.SCHEMA;
            case GrantStatement.TYPE -> PrivilegeTarget.TYPE;
            default -> PrivilegeTarget.TABLE;
        };
        if (target == PrivilegeTarget.SCHEMA && !statement.schemas().isEmpty()) {
            throw new PgException(SqlState.INVALID_GRANT_OPERATION,
                    "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS");
        }
        Set<TablePrivilege> privileges = privileges(statement, target);
        RoleInfo current = roles.role(user.currentUser()).orElseThrow(
                () -> new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + user.currentUser() + "\" does not exist"));
        List<RoleInfo> owners = new ArrayList<>();
        if (statement.roles().isEmpty()) {
            owners.add(current);
        }
        for (String name : statement.roles()) {
            RoleInfo owner = role(roles, name);
            if (!current.superuser() && !RoleGraph.of(roles).isMember(current.oid(), owner.oid())) {
                throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "must be member of role \"" + name + "\"");
            }
            owners.add(owner);
        }
        List<Long> namespaces = new ArrayList<>();
        if (statement.schemas().isEmpty()) {
            namespaces.add(DefaultAcl.ALL_SCHEMAS);
        }
        for (String schema : statement.schemas()) {
            namespaces.add(catalog.schema(schema).map(found -> found.oid()).orElseThrow(
                    () -> new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist")));
        }
        List<Long> grantees = new ArrayList<>();
        for (String name : statement.grantees()) {
            grantees.add(name.equals(GrantStatement.PUBLIC) ? AclItem.PUBLIC : role(roles, name).oid());
        }
        Transaction transaction = transactions.startStatement();
        for (RoleInfo owner : owners) {
            for (long namespace : namespaces) {
                change(roles, transaction, statement, target, owner.oid(), namespace, grantees, privileges);
            }
        }
    }

    private static void change(RoleCatalog roles, Transaction transaction, DefaultPrivilegesStatement statement,
                               PrivilegeTarget target, long owner, long namespace, List<Long> grantees,
                               Set<TablePrivilege> privileges) {
        DefaultAcl existing = roles.defaultAcls().stream()
                .filter(entry -> entry.sameKey(owner, namespace, target)).findFirst().orElse(null);
        boolean global = namespace == DefaultAcl.ALL_SCHEMAS;
        List<AclItem> acl = new ArrayList<>(existing != null ? existing.acl()
                : global ? DefaultPrivileges.builtIn(target, owner) : List.of());
        for (long grantee : grantees) {
            if (statement.grant() && statement.grantOption() && grantee == AclItem.PUBLIC) {
                throw new PgException(SqlState.INVALID_GRANT_OPERATION, "grant options can only be granted to roles");
            }
            if (statement.grant()) {
                DefaultPrivileges.add(acl, grantee, owner, privileges,
                        statement.grantOption() ? privileges : Set.of());
            } else {
                DefaultPrivileges.change(acl, grantee, owner,
                        held -> {
                            if (!statement.grantOption()) {
                                held.removeAll(privileges);
                            }
                        }, options -> options.removeAll(privileges));
            }
        }
        // PostgreSQL keeps the list sorted, as it sorts it to compare with the built-in one
        acl = sorted(acl);
        boolean isDefault = global ? acl.equals(DefaultPrivileges.builtIn(target, owner)) : acl.isEmpty();
        if (isDefault) {
            if (existing != null) {
                roles.removeDefaultAcl(transaction, owner, namespace, target);
            }
        } else if (existing == null || !existing.acl().equals(acl)) {
            roles.setDefaultAcl(transaction, new DefaultAcl(0, owner, namespace, target, acl));
        }
    }

    private static List<AclItem> sorted(List<AclItem> acl) {
        List<AclItem> sorted = new ArrayList<>(acl);
        sorted.sort(DefaultPrivileges.ACL_ITEM_ORDER);
        return sorted;
    }

    private static RoleInfo role(RoleCatalog roles, String name) {
        return roles.role(name).orElseThrow(
                () -> new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist"));
    }

    /** Returns the privileges named, all of the kind for ALL; others are refused as PostgreSQL does. */
    private static Set<TablePrivilege> privileges(DefaultPrivilegesStatement statement, PrivilegeTarget target) {
        if (statement.privileges().isEmpty()) {
            return target.privileges();
        }
        Set<TablePrivilege> privileges = EnumSet.noneOf(TablePrivilege.class);
        for (GrantStatement.Privilege privilege : statement.privileges()) {
            TablePrivilege named = null;
            for (TablePrivilege each : TablePrivilege.values()) {
                if (each.sqlName().equals(privilege.name())) {
                    named = each;
                }
            }
            if (named == null) {
                throw new PgException(SqlState.SYNTAX_ERROR,
                        "unrecognized privilege type \"" + privilege.name().toLowerCase(Locale.ROOT) + "\"");
            }
            if (!target.privileges().contains(named)) {
                throw new PgException(SqlState.INVALID_GRANT_OPERATION, "invalid privilege type " + privilege.name()
                        + " for " + (target == PrivilegeTarget.TABLE ? "relation" : target.sqlName()));
            }
            privileges.add(named);
        }
        return privileges;
    }
}
