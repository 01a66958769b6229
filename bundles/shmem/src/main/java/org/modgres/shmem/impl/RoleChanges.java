package org.modgres.shmem.impl;

import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.RoleMembership;
import org.modgres.api.storage.ObjectComment;

/**
 * The role and privilege changes of one transaction (pg_authid, pg_auth_members and the
 * relations' ACLs), and the comments on objects, which are kept the same way: made at once, undone by rollback, logged with the commit.
 */
final class RoleChanges {

    private final MemoryTransaction transaction;
    private final MemoryCatalog catalog;
    private final ActiveTransactions active;

    RoleChanges(MemoryTransaction transaction, MemoryCatalog catalog, ActiveTransactions active) {
        this.transaction = transaction;
        this.catalog = catalog;
        this.active = active;
    }

    /** Creates a role with a new OID. */
    RoleInfo create(RoleInfo requested) {
        return transaction.change(() -> {
            RoleInfo role = requested.withOid(catalog.newOid());
            catalog.roles().create(role);
            transaction.record(new UndoEntry.RoleCreated(active.nextSequence(), role), redo -> redo.createRole(role));
            return role;
        });
    }

    /** Replaces the role of the same OID. */
    RoleInfo alter(RoleInfo role) {
        return transaction.change(() -> {
            RoleInfo previous = catalog.roles().alter(role);
            transaction.record(new UndoEntry.RoleAltered(active.nextSequence(), previous),
                    redo -> redo.alterRole(role));
            return role;
        });
    }

    void drop(String name) {
        transaction.change(() -> {
            RoleInfo role = catalog.roles().drop(name);
            transaction.record(new UndoEntry.RoleDropped(active.nextSequence(), role),
                    redo -> redo.dropRole(role.oid()));
            return null;
        });
    }

    /** Sets a relation's owner and access control list. */
    void setPrivileges(RelationPrivileges privileges) {
        transaction.change(() -> {
            RelationPrivileges previous = catalog.privileges().put(privileges);
            transaction.record(new UndoEntry.PrivilegesSet(active.nextSequence(), privileges.relation(), previous),
                    redo -> redo.setPrivileges(privileges));
            return null;
        });
    }

    /** Sets a default access control list, keeping the OID of the one it replaces. */
    DefaultAcl setDefaultAcl(DefaultAcl requested) {
        return transaction.change(() -> {
            MemoryDefaultAcls.Key key = MemoryDefaultAcls.Key.of(requested);
            DefaultAcl existing = catalog.defaultAcls().get(key);
            DefaultAcl entry = requested.withOid(existing != null ? existing.oid() : catalog.newOid());
            DefaultAcl previous = catalog.defaultAcls().put(entry);
            transaction.record(new UndoEntry.DefaultAclSet(active.nextSequence(), key, previous),
                    redo -> redo.setDefaultAcl(entry, true));
            return entry;
        });
    }

    /** Removes the default access control list of a role, schema and kind, if there is one. */
    void removeDefaultAcl(MemoryDefaultAcls.Key key) {
        transaction.change(() -> {
            DefaultAcl previous = catalog.defaultAcls().remove(key);
            if (previous != null) {
                transaction.record(new UndoEntry.DefaultAclSet(active.nextSequence(), key, previous),
                        redo -> redo.setDefaultAcl(previous, false));
            }
            return null;
        });
    }

    /** Sets the comment of an object, catalog and column, or removes it when {@code description} is null. */
    void setComment(MemoryComments.Key key, String description) {
        transaction.change(() -> {
            ObjectComment comment = description == null ? null
                    : new ObjectComment(key.objectOid(), key.classOid(), key.subId(), description);
            ObjectComment previous = catalog.commentStore().put(key, comment);
            if (comment != null || previous != null) {
                transaction.record(new UndoEntry.CommentSet(active.nextSequence(), key, previous),
                        redo -> redo.setComment(comment != null ? comment : previous, comment != null));
            }
            return null;
        });
    }

    /** Sets a membership, replacing the one of the same role and member. */
    void grantMembership(RoleMembership membership) {
        transaction.change(() -> {
            RoleMembership previous = catalog.memberships().put(membership);
            transaction.record(new UndoEntry.MembershipSet(active.nextSequence(), membership.role(),
                    membership.member(), previous), redo -> redo.grantMembership(membership));
            return null;
        });
    }

    /** Ends a membership, if there is one. */
    void revokeMembership(long role, long member) {
        transaction.change(() -> {
            RoleMembership previous = catalog.memberships().remove(role, member);
            if (previous != null) {
                transaction.record(new UndoEntry.MembershipSet(active.nextSequence(), role, member, previous),
                        redo -> redo.revokeMembership(role, member));
            }
            return null;
        });
    }
}
