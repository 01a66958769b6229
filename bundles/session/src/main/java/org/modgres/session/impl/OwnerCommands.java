package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.sql.OwnerStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.Transaction;

/**
 * ALTER TABLE | VIEW | SEQUENCE ... OWNER TO, as PostgreSQL's ATExecChangeOwner runs it: a
 * superuser may give any relation to any role; anyone else must own the relation, be a member of
 * the new owner, and the new owner must hold CREATE on the relation's schema. The new owner takes
 * the old owner's place in the privilege lists, as grantee and as grantor, and the sequences that
 * belong to a table's columns change owner with it.
 */
final class OwnerCommands {

    private final Services services;
    private final TransactionBlock transactions;
    private final Wire wire;
    private final String database;
    private final SessionRoles user;

    OwnerCommands(Services services, TransactionBlock transactions, Wire wire, String database, SessionRoles user) {
        this.services = services;
        this.transactions = transactions;
        this.wire = wire;
        this.database = database;
        this.user = user;
    }

    void run(OwnerStatement statement) {
        transactions.checkWritable(statement.kind().commandName());
        Catalog catalog = services.storage().catalog();
        RoleCatalog roles = services.roles();
        AccessControl access = new AccessControl(roles, user.currentUser());
        List<String> name = Relations.qualified(statement.name(), database);
        if (!access.superuser() && catalog.schema(name.get(0)).isPresent()) {
            access.requireOnSchema(catalog, name.get(0), TablePrivilege.USAGE);
        }
        Optional<Relations.AnyRelation> found = find(statement, catalog);
        if (found.isEmpty()) {
            if (!statement.ifExists()) {
                throw Relations.missing(statement.name());
            }
            wire.notice(Severity.NOTICE, SqlState.UNDEFINED_TABLE,
                    "relation \"" + Relations.displayName(statement.name()) + "\" does not exist, skipping");
            return;
        }
        Relations.AnyRelation target = found.get();
        RoleInfo newOwner = newOwner(statement.newOwner(), roles);
        RelationPrivileges current = roles.privileges(target.oid());
        if (current.owner() == newOwner.oid()) {
            return;
        }
        if (!access.superuser()) {
            if (!access.privilegeRoles().contains(current.owner())) {
                throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
                        "must be owner of " + target.kind() + " " + target.name());
            }
            if (!RoleGraph.of(roles).isMember(access.roleOid(), newOwner.oid())) {
                throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
                        "must be member of role \"" + newOwner.name() + "\"");
            }
            new AccessControl(roles, newOwner.name()).requireOnSchema(catalog, name.get(0), TablePrivilege.CREATE);
        }
        Transaction transaction = transactions.startStatement();
        List<Long> changed = new ArrayList<>();
        changed.add(target.oid());
        if (target.kind().equals("table")) {
            for (SequenceInfo sequence : catalog.sequences(name.get(0))) {
                if (sequence.owner() != null && sequence.owner().isOf(name.get(0), target.name())) {
                    changed.add(sequence.oid());
                }
            }
        }
        for (long relation : changed) {
            RelationPrivileges privileges = roles.privileges(relation);
            roles.setPrivileges(transaction, withOwner(privileges, newOwner.oid()));
        }
    }

    /** The relation the statement names, if it is of a kind the statement may name. */
    private Optional<Relations.AnyRelation> find(OwnerStatement statement, Catalog catalog) {
        Optional<Relations.AnyRelation> found = new Relations(catalog, database).findAny(statement.name());
        return switch (statement.type()) {
            case TABLE -> found;
            case VIEW -> found.map(relation -> relation.requireKind("view"));
            case SEQUENCE -> found.map(relation -> relation.requireKind("sequence"));
        };
    }

    private RoleInfo newOwner(String written, RoleCatalog roles) {
        String roleName = switch (written) {
            case OwnerStatement.CURRENT_USER, OwnerStatement.CURRENT_ROLE -> user.currentUser();
            case OwnerStatement.SESSION_USER -> user.sessionUser();
            default -> written;
        };
        return roles.role(roleName).orElseThrow(() -> new PgException(SqlState.UNDEFINED_OBJECT,
                "role \"" + roleName + "\" does not exist"));
    }

    /**
     * The privileges with a new owner, who takes the old owner's place in every item as grantee
     * and as grantor; items that then name the same pair are merged, as PostgreSQL's aclnewowner
     * does. A relation without a list keeps none: its owner's default rights follow the owner.
     */
    static RelationPrivileges withOwner(RelationPrivileges privileges, long newOwner) {
        long oldOwner = privileges.owner();
        List<AclItem> acl = privileges.acl() == null ? null : replaced(privileges.acl(), oldOwner, newOwner);
        Map<String, List<AclItem>> columns = new LinkedHashMap<>();
        privileges.columnAcls().forEach((column, items) -> columns.put(column, replaced(items, oldOwner, newOwner)));
        return new RelationPrivileges(privileges.relation(), newOwner, acl, columns, privileges.target());
    }

    private static List<AclItem> replaced(List<AclItem> items, long oldOwner, long newOwner) {
        Map<List<Long>, AclItem> merged = new LinkedHashMap<>();
        for (AclItem item : items) {
            long grantee = item.grantee() == oldOwner ? newOwner : item.grantee();
            long grantor = item.grantor() == oldOwner ? newOwner : item.grantor();
            merged.merge(List.of(grantee, grantor), new AclItem(grantee, grantor, item.privileges(), item.grantOptions()),
                    (left, right) -> new AclItem(grantee, grantor, union(left.privileges(), right.privileges()),
                            union(left.grantOptions(), right.grantOptions())));
        }
        return List.copyOf(merged.values());
    }

    private static Set<TablePrivilege> union(Set<TablePrivilege> left, Set<TablePrivilege> right) {
        Set<TablePrivilege> all = left.isEmpty() ? EnumSet.noneOf(TablePrivilege.class) : EnumSet.copyOf(left);
        all.addAll(right);
        return all;
    }
}
