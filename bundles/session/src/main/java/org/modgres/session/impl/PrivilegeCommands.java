package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.sql.LockStatement;
import org.modgres.api.sql.TruncateStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;

/**
 * GRANT and REVOKE on tables, as PostgreSQL's aclchk.c runs them, and the privilege checks of the
 * utility statements that name tables (TRUNCATE needs its privilege, CREATE INDEX the owner). The
 * owner, its members and superusers grant as the owner; other roles grant what they (or roles
 * whose privileges they have) hold with grant option, and are warned about the rest. Checks are
 * of the current role.
 */
final class PrivilegeCommands {

    /** The privileges PostgreSQL knows on objects other than tables. */
    private static final Set<String> OTHER_PRIVILEGES = Set.of("EXECUTE", "USAGE", "CREATE", "CONNECT", "TEMPORARY",
            "TEMP", "SET");

    private final Services services;
    private final TransactionBlock transactions;
    private final Wire wire;
    private final String database;
    private final SessionRoles user;

    PrivilegeCommands(Services services, TransactionBlock transactions, Wire wire, String database,
                      SessionRoles user) {
        this.services = services;
        this.transactions = transactions;
        this.wire = wire;
        this.database = database;
        this.user = user;
    }

    /** Throws 42501 unless the role may empty every table the statement names. */
    void checkTruncate(TruncateStatement truncate) {
        AccessControl access = access();
        Relations relations = relations();
        for (List<String> name : truncate.tables()) {
            relations.find(name).ifPresent(table -> access.require(table, TablePrivilege.TRUNCATE));
        }
    }

    /**
     * Throws 42501 unless the role may take the locks: ACCESS SHARE needs SELECT, ROW EXCLUSIVE
     * one of INSERT, UPDATE, DELETE and TRUNCATE, the other modes one of UPDATE, DELETE and TRUNCATE.
     */
    void checkLock(LockStatement lock) {
        AccessControl access = access();
        Set<TablePrivilege> enough = switch (lock.mode()) {
            case ACCESS_SHARE -> EnumSet.of(TablePrivilege.SELECT);
            case ROW_EXCLUSIVE -> EnumSet.of(TablePrivilege.INSERT, TablePrivilege.UPDATE, TablePrivilege.DELETE,
                    TablePrivilege.TRUNCATE);
            default -> EnumSet.of(TablePrivilege.UPDATE, TablePrivilege.DELETE, TablePrivilege.TRUNCATE);
        };
        Relations relations = relations();
        for (List<String> name : lock.tables()) {
            relations.find(name).ifPresent(table -> {
                if (enough.stream().noneMatch(privilege -> access.has(table, privilege))) {
                    throw AccessControl.denied(table);
                }
            });
        }
    }

    /** Throws 42501 unless the role owns the table, when there is one by that name. */
    void checkOwner(List<String> table) {
        relations().find(table).ifPresent(access()::requireOwner);
    }

    void run(GrantStatement statement) {
        transactions.checkWritable(statement.kind().commandName());
        Set<TablePrivilege> requested = tablePrivileges(statement);
        Map<String, Set<TablePrivilege>> requestedColumns = columnPrivileges(statement);
        RoleCatalog roles = services.roles();
        List<TableInfo> tables = tables(statement);
        List<Long> grantees = new ArrayList<>();
        for (String name : statement.grantees()) {
            grantees.add(name.equals(GrantStatement.PUBLIC) ? AclItem.PUBLIC : roles.role(name).map(RoleInfo::oid)
                    .orElseThrow(() -> new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist")));
        }
        AccessControl access = access();
        Transaction transaction = transactions.startStatement();
        for (TableInfo table : tables) {
            for (String column : requestedColumns.keySet()) {
                if (table.columnIndex(column) < 0) {
                    throw new PgException(SqlState.UNDEFINED_COLUMN,
                            "column \"" + column + "\" of relation \"" + table.name() + "\" does not exist");
                }
            }
            RelationPrivileges current = roles.privileges(table.oid());
            boolean asOwner = access.owns(table);
            Set<TablePrivilege> wanted = EnumSet.copyOf(AclItem.all());
            if (!statement.privileges().isEmpty()) {
                wanted.retainAll(requested);
                requestedColumns.values().forEach(wanted::addAll);
            }
            long grantor = asOwner ? current.owner() : bestGrantor(current, access, wanted);
            Set<TablePrivilege> grantable = asOwner ? AclItem.all() : current.grantOptionsOf(Set.of(grantor));
            if (grantable.isEmpty() && current.privilegesOf(access.privilegeRoles()).isEmpty()) {
                throw AccessControl.denied(table);
            }
            RelationPrivileges changed = current;
            if (!requested.isEmpty()) {
                Set<TablePrivilege> granted = restrict(requested, grantable);
                warnIfRestricted(statement, "\"" + table.name() + "\"", requested, granted);
                if (!granted.isEmpty()) {
                    List<AclItem> acl = new ArrayList<>(changed.effectiveAcl());
                    for (long grantee : grantees) {
                        apply(acl, statement, grantee, grantor, granted);
                    }
                    changed = changed.withAcl(acl);
                    if (!statement.grant()) {
                        // revoking a privilege from the table revokes it from its columns too
                        changed = changed.withColumnAcls(applyToColumns(changed.columnAcls(),
                                changed.columnAcls().keySet(), statement, grantees, grantor, granted));
                    }
                }
            }
            for (Map.Entry<String, Set<TablePrivilege>> column : requestedColumns.entrySet()) {
                Set<TablePrivilege> granted = restrict(column.getValue(), grantable);
                warnIfRestricted(statement, "column \"" + column.getKey() + "\" of relation \"" + table.name() + "\"",
                        column.getValue(), granted);
                changed = changed.withColumnAcls(applyToColumns(changed.columnAcls(), Set.of(column.getKey()),
                        statement, grantees, grantor, granted));
            }
            if (!changed.equals(current)) {
                roles.setPrivileges(transaction, changed);
            }
        }
    }

    /**
     * Returns the role a grant is made as, as PostgreSQL's select_best_grantor chooses it: the
     * current role if it holds every wanted grant option, else the role among those whose
     * privileges it has that holds the most of them.
     */
    private static long bestGrantor(RelationPrivileges acl, AccessControl access, Set<TablePrivilege> wanted) {
        long best = access.roleOid();
        int bestCount = -1;
        for (long role : access.privilegeRoles()) {
            Set<TablePrivilege> options = restrict(acl.grantOptionsOf(Set.of(role)), wanted);
            if (options.size() > bestCount) {
                best = role;
                bestCount = options.size();
                if (options.equals(wanted)) {
                    break;
                }
            }
        }
        return best;
    }

    private static Set<TablePrivilege> restrict(Set<TablePrivilege> requested, Set<TablePrivilege> grantable) {
        Set<TablePrivilege> granted = EnumSet.noneOf(TablePrivilege.class);
        granted.addAll(requested);
        granted.retainAll(grantable);
        return granted;
    }

    /** Applies a grant or revoke to the lists of some columns. */
    private static Map<String, List<AclItem>> applyToColumns(Map<String, List<AclItem>> columnAcls,
                                                             Set<String> columns, GrantStatement statement,
                                                             List<Long> grantees, long grantor,
                                                             Set<TablePrivilege> privileges) {
        Map<String, List<AclItem>> changed = new TreeMap<>(columnAcls);
        if (privileges.isEmpty()) {
            return changed;
        }
        for (String column : columns) {
            List<AclItem> acl = new ArrayList<>(changed.getOrDefault(column, List.of()));
            for (long grantee : grantees) {
                apply(acl, statement, grantee, grantor, privileges);
            }
            changed.put(column, acl);
        }
        return changed;
    }

    /** Adds or removes privileges of one grantee from one grantor, as merge_acl_with_grant does. */
    private static void apply(List<AclItem> acl, GrantStatement statement, long grantee, long grantor,
                              Set<TablePrivilege> privileges) {
        int index = -1;
        for (int i = 0; i < acl.size(); i++) {
            if (acl.get(i).grantee() == grantee && acl.get(i).grantor() == grantor) {
                index = i;
                break;
            }
        }
        AclItem item = index >= 0 ? acl.get(index) : new AclItem(grantee, grantor, Set.of(), Set.of());
        Set<TablePrivilege> held = EnumSet.noneOf(TablePrivilege.class);
        held.addAll(item.privileges());
        Set<TablePrivilege> options = EnumSet.noneOf(TablePrivilege.class);
        options.addAll(item.grantOptions());
        if (statement.grant()) {
            held.addAll(privileges);
            if (statement.grantOption()) {
                options.addAll(privileges);
            }
        } else {
            options.removeAll(privileges);
            if (!statement.grantOption()) {
                held.removeAll(privileges);
            }
        }
        AclItem changed = new AclItem(grantee, grantor, held, options);
        if (held.isEmpty()) {
            if (index >= 0) {
                acl.remove(index);
            }
        } else if (index >= 0) {
            acl.set(index, changed);
        } else {
            acl.add(changed);
        }
    }

    private void warnIfRestricted(GrantStatement statement, String subject, Set<TablePrivilege> requested,
                                  Set<TablePrivilege> granted) {
        if (granted.equals(requested)) {
            return;
        }
        boolean all = statement.privileges().isEmpty();
        if (granted.isEmpty()) {
            warn(statement, statement.grant() ? "no privileges were granted for " + subject
                    : "no privileges could be revoked for " + subject);
        } else if (!all) {
            warn(statement, statement.grant() ? "not all privileges were granted for " + subject
                    : "not all privileges could be revoked for " + subject);
        }
    }

    private void warn(GrantStatement statement, String message) {
        wire.notice(Severity.WARNING, statement.grant() ? SqlState.PRIVILEGE_NOT_GRANTED
                : SqlState.PRIVILEGE_NOT_REVOKED, message);
    }

    /** Returns the privileges granted on the whole table: ALL, or those without a column list. */
    private static Set<TablePrivilege> tablePrivileges(GrantStatement statement) {
        if (statement.privileges().isEmpty()) {
            return AclItem.all();
        }
        Set<TablePrivilege> privileges = EnumSet.noneOf(TablePrivilege.class);
        for (GrantStatement.Privilege privilege : statement.privileges()) {
            if (privilege.columns().isEmpty()) {
                privileges.add(privilege(privilege.name()));
            }
        }
        return privileges;
    }

    /** Returns the privileges granted on columns, by column: those written with a column list. */
    private static Map<String, Set<TablePrivilege>> columnPrivileges(GrantStatement statement) {
        Map<String, Set<TablePrivilege>> columns = new LinkedHashMap<>();
        for (GrantStatement.Privilege privilege : statement.privileges()) {
            if (privilege.columns().isEmpty()) {
                continue;
            }
            Set<TablePrivilege> named = privilege.name().equals("ALL")
                    ? AccessControl.COLUMN_PRIVILEGES : EnumSet.of(privilege(privilege.name()));
            for (TablePrivilege each : named) {
                if (!AccessControl.COLUMN_PRIVILEGES.contains(each)) {
                    throw new PgException(SqlState.INVALID_GRANT_OPERATION,
                            "invalid privilege type " + each.sqlName() + " for column");
                }
            }
            for (String column : privilege.columns()) {
                columns.computeIfAbsent(column, c -> EnumSet.noneOf(TablePrivilege.class)).addAll(named);
            }
        }
        return columns;
    }

    private static TablePrivilege privilege(String name) {
        for (TablePrivilege privilege : TablePrivilege.values()) {
            if (privilege.sqlName().equals(name)) {
                return privilege;
            }
        }
        if (OTHER_PRIVILEGES.contains(name)) {
            throw new PgException(SqlState.INVALID_GRANT_OPERATION,
                    "invalid privilege type " + (name.equals("TEMP") ? "TEMPORARY" : name) + " for table");
        }
        throw new PgException(SqlState.SYNTAX_ERROR,
                "unrecognized privilege type \"" + name.toLowerCase(Locale.ROOT) + "\"");
    }

    private List<TableInfo> tables(GrantStatement statement) {
        Catalog catalog = services.storage().catalog();
        if (statement.allInSchema() != null) {
            String schema = statement.allInSchema();
            List<TableInfo> tables = new ArrayList<>(catalog.tables(schema));
            catalog.views(schema).forEach(view -> tables.add(ViewReads.asTable(view)));
            if (catalog.schema(schema).isEmpty() && !Set.of("pg_catalog", "information_schema").contains(schema)) {
                throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
            }
            return tables;
        }
        Relations relations = relations();
        Set<TableInfo> tables = new LinkedHashSet<>();
        for (List<String> name : statement.tables()) {
            tables.add(relations.requireTableOrView(name));
        }
        return List.copyOf(tables);
    }

    private AccessControl access() {
        return new AccessControl(services.roles(), user.currentUser());
    }

    private Relations relations() {
        return new Relations(services.storage().catalog(), database);
    }
}
