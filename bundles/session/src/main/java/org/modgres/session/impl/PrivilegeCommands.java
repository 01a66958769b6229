package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.sql.LockStatement;
import org.modgres.api.sql.TruncateStatement;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;

/**
 * GRANT and REVOKE on tables, sequences, schemas, databases and functions, as PostgreSQL's aclchk.c runs them, and the
 * privilege checks of the utility statements that name tables (TRUNCATE needs its privilege,
 * CREATE INDEX the owner) or create objects in a schema (CREATE on it). The
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
            requireUsage(access, name);
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
            requireUsage(access, name);
            relations.find(name).ifPresent(table -> {
                if (enough.stream().noneMatch(privilege -> access.has(table, privilege))) {
                    throw AccessControl.denied(table);
                }
            });
        }
    }

    /** Throws 42501 unless the role owns the table, when there is one by that name. */
    void checkOwner(List<String> table) {
        AccessControl access = access();
        requireUsage(access, table);
        relations().find(table).ifPresent(access::requireOwner);
    }

    /** Throws 42501 unless the role may use the schema a relation is named in, when the schema exists. */
    private void requireUsage(AccessControl access, List<String> written) {
        if (access.superuser()) {
            return;
        }
        String schema = Relations.qualified(written, database).get(0);
        if (services.storage().catalog().schema(schema).isPresent()) {
            access.requireOnSchema(services.storage().catalog(), schema, TablePrivilege.USAGE);
        }
    }

    void run(GrantStatement statement) {
        transactions.checkWritable(statement.kind().commandName());
        PrivilegeTarget kind = targetKind(statement);
        Set<TablePrivilege> requested = objectPrivileges(statement, kind);
        Map<String, Set<TablePrivilege>> requestedColumns = columnPrivileges(statement);
        RoleCatalog roles = services.roles();
        AccessControl access = access();
        List<GrantTarget> targets = kind == PrivilegeTarget.FUNCTION
                ? FunctionGrants.resolve(statement, access, services.storage().catalog(), services.functions())
                : GrantTarget.resolve(statement, kind, access, services.storage().catalog(), database);
        List<Long> grantees = new ArrayList<>();
        for (String name : statement.grantees()) {
            grantees.add(name.equals(GrantStatement.PUBLIC) ? AclItem.PUBLIC : roles.role(name).map(RoleInfo::oid)
                    .orElseThrow(() -> new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist")));
        }
        Transaction transaction = transactions.startStatement();
        for (GrantTarget target : targets) {
            TableInfo table = target.table();
            for (String column : requestedColumns.keySet()) {
                if (table == null || table.columnIndex(column) < 0) {
                    throw new PgException(SqlState.UNDEFINED_COLUMN,
                            "column \"" + column + "\" of relation \"" + target.name() + "\" does not exist");
                }
            }
            Set<TablePrivilege> requestedHere = target.restrict(requested, statement, kind,
                    message -> wire.notice(Severity.WARNING, SqlState.INVALID_GRANT_OPERATION, message));
            RelationPrivileges current = target.privileges();
            boolean asOwner = target.ownedBy(access);
            Set<TablePrivilege> all = current.target().privileges();
            Set<TablePrivilege> wanted = EnumSet.copyOf(all);
            if (!statement.privileges().isEmpty()) {
                wanted.retainAll(requestedHere);
                requestedColumns.values().forEach(wanted::addAll);
            }
            long grantor = asOwner ? current.owner() : bestGrantor(current, access, wanted);
            Set<TablePrivilege> grantable = asOwner ? all : current.grantOptionsOf(Set.of(grantor));
            if (grantable.isEmpty() && current.privilegesOf(access.privilegeRoles()).isEmpty()
                    && requestedColumns.keySet().stream().allMatch(column ->
                            current.columnPrivilegesOf(column, access.privilegeRoles()).isEmpty())) {
                throw target.denied();
            }
            RelationPrivileges changed = current;
            DependentGrants dependents = new DependentGrants(roles, current.owner(), statement.cascade());
            if (!requestedHere.isEmpty()) {
                Set<TablePrivilege> granted = restrict(requestedHere, grantable);
                warnIfRestricted(statement, "\"" + target.name() + "\"", requestedHere, granted);
                if (!granted.isEmpty()) {
                    List<AclItem> acl = new ArrayList<>(changed.effectiveAcl());
                    for (long grantee : grantees) {
                        apply(acl, statement, grantee, grantor, granted, dependents);
                    }
                    changed = changed.withAcl(acl);
                    if (!statement.grant()) {
                        // revoking a privilege from the table revokes it from its columns too
                        changed = changed.withColumnAcls(applyToColumns(changed.columnAcls(),
                                changed.columnAcls().keySet(), statement, grantees, grantor, granted, dependents));
                    }
                }
            }
            for (Map.Entry<String, Set<TablePrivilege>> column : requestedColumns.entrySet()) {
                Set<TablePrivilege> granted = restrict(column.getValue(),
                        columnGrantable(current, column.getKey(), grantor, grantable));
                warnIfRestricted(statement, "column \"" + column.getKey() + "\" of relation \"" + target.name() + "\"",
                        column.getValue(), granted);
                changed = changed.withColumnAcls(applyToColumns(changed.columnAcls(), Set.of(column.getKey()),
                        statement, grantees, grantor, granted, dependents));
            }
            if (!changed.equals(current)) {
                roles.setPrivileges(transaction, changed);
            }
        }
    }

    /** Returns the kind of object a statement names: a sequence named as a table is found later. */
    private static PrivilegeTarget targetKind(GrantStatement statement) {
        return switch (statement.objectType()) {
            case GrantStatement.SCHEMA -> PrivilegeTarget.SCHEMA;
            case GrantStatement.DATABASE -> PrivilegeTarget.DATABASE;
            case GrantStatement.FUNCTION -> PrivilegeTarget.FUNCTION;
            case GrantStatement.SEQUENCE -> PrivilegeTarget.SEQUENCE;
            default -> PrivilegeTarget.TABLE;
        };
    }

    /**
     * Throws 42501 unless the role may create objects in the schema: holds CREATE on it, owns it,
     * or is a superuser, as CREATE TABLE, VIEW, SEQUENCE and INDEX need.
     */
    void checkCreateIn(String schema) {
        access().requireCreateIn(services.storage().catalog(), schema);
    }

    /**
     * Makes a new sequence the current role's, as CREATE does, with the privileges the role's
     * defaults give it.
     */
    void ownSequence(Transaction transaction, long sequence, String schema) {
        DefaultPrivileges.own(services.roles(), services.storage().catalog(), transaction, sequence,
                access().roleOid(), schema, PrivilegeTarget.SEQUENCE);
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

    /** Returns what a grantor may grant on a column: its grant options on the table and on the column. */
    private static Set<TablePrivilege> columnGrantable(RelationPrivileges privileges, String column, long grantor,
                                                       Set<TablePrivilege> onTable) {
        Set<TablePrivilege> grantable = EnumSet.noneOf(TablePrivilege.class);
        grantable.addAll(onTable);
        for (AclItem item : privileges.columnAcls().getOrDefault(column, List.of())) {
            if (item.grantee() == grantor) {
                grantable.addAll(item.grantOptions());
            }
        }
        return grantable;
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
                                                             Set<TablePrivilege> privileges,
                                                             DependentGrants dependents) {
        Map<String, List<AclItem>> changed = new TreeMap<>(columnAcls);
        if (privileges.isEmpty()) {
            return changed;
        }
        for (String column : columns) {
            List<AclItem> acl = new ArrayList<>(changed.getOrDefault(column, List.of()));
            for (long grantee : grantees) {
                apply(acl, statement, grantee, grantor, privileges, dependents);
            }
            changed.put(column, acl);
        }
        return changed;
    }

    /**
     * Adds or removes privileges of one grantee from one grantor, as merge_acl_with_grant does; a
     * revoke takes the grants that depended on the grantee's grant options too, or fails.
     */
    private static void apply(List<AclItem> acl, GrantStatement statement, long grantee, long grantor,
                              Set<TablePrivilege> privileges, DependentGrants dependents) {
        if (!statement.grant()) {
            dependents.revoke(acl, grantee, grantor, statement.grantOption() ? Set.of() : privileges, privileges);
            return;
        }
        if (statement.grantOption()) {
            if (grantee == AclItem.PUBLIC) {
                throw new PgException(SqlState.INVALID_GRANT_OPERATION, "grant options can only be granted to roles");
            }
            dependents.checkCircularity(acl, grantee, grantor, privileges);
        }
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
        held.addAll(privileges);
        if (statement.grantOption()) {
            options.addAll(privileges);
        }
        DefaultPrivileges.putItem(acl, index, new AclItem(grantee, grantor, held, options));
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

    /**
     * Returns the privileges granted on the whole object: ALL of its kind, or those without a
     * column list. A statement on tables may name sequence privileges, as it may name sequences.
     */
    private static Set<TablePrivilege> objectPrivileges(GrantStatement statement, PrivilegeTarget kind) {
        if (statement.privileges().isEmpty()) {
            return kind.privileges();
        }
        Set<TablePrivilege> privileges = EnumSet.noneOf(TablePrivilege.class);
        for (GrantStatement.Privilege privilege : statement.privileges()) {
            if (privilege.columns().isEmpty()) {
                privileges.add(privilege(privilege.name(), kind));
            } else if (kind != PrivilegeTarget.TABLE) {
                throw new PgException(SqlState.INVALID_GRANT_OPERATION,
                        "column privileges are only valid for relations");
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
        return privilege(name, PrivilegeTarget.TABLE);
    }

    private static TablePrivilege privilege(String written, PrivilegeTarget kind) {
        String name = written.equals("TEMP") ? TablePrivilege.TEMPORARY.sqlName() : written;
        Set<TablePrivilege> valid = kind == PrivilegeTarget.TABLE
                ? EnumSet.of(TablePrivilege.USAGE, AclItem.all().toArray(TablePrivilege[]::new)) : kind.privileges();
        for (TablePrivilege privilege : TablePrivilege.values()) {
            if (privilege.sqlName().equals(name)) {
                if (!valid.contains(privilege)) {
                    throw invalidFor(name, kind);
                }
                return privilege;
            }
        }
        if (OTHER_PRIVILEGES.contains(name)) {
            throw invalidFor(name, kind);
        }
        throw new PgException(SqlState.SYNTAX_ERROR,
                "unrecognized privilege type \"" + name.toLowerCase(Locale.ROOT) + "\"");
    }

    private static PgException invalidFor(String name, PrivilegeTarget kind) {
        return new PgException(SqlState.INVALID_GRANT_OPERATION,
                "invalid privilege type " + (name.equals("TEMP") ? "TEMPORARY" : name) + " for "
                        + (kind == PrivilegeTarget.TABLE ? "relation" : kind.sqlName()));
    }

    private AccessControl access() {
        return new AccessControl(services.roles(), user.currentUser());
    }

    private Relations relations() {
        return new Relations(services.storage().catalog(), database);
    }
}
