package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modgres.api.role.AclItem;
import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.Transaction;

/**
 * The access control list a new table, view, sequence or schema gets from the default ones of its owner
 * (pg_default_acl), as PostgreSQL's get_user_default_acl computes it: the owner's list for all
 * schemas, or the built-in one (the owner holds everything), merged with the owner's list for the
 * object's schema; none when that is the built-in one.
 */
final class DefaultPrivileges {

    /** The order aclitemsort puts a list in: by grantee, then grantor. */
    static final Comparator<AclItem> ACL_ITEM_ORDER = Comparator.comparingLong(AclItem::grantee)
            .thenComparingLong(AclItem::grantor);

    private DefaultPrivileges() {
    }

    /** Gives a new schema the list its owner's defaults for schemas give it, when they are not the built-in one. */
    static void ownSchema(RoleCatalog roles, Transaction transaction, long schema, long owner) {
        List<AclItem> acl = aclOfNew(roles.defaultAcls(), PrivilegeTarget.SCHEMA, owner, DefaultAcl.ALL_SCHEMAS);
        if (acl != null) {
            roles.setPrivileges(transaction, new RelationPrivileges(schema, owner, acl, Map.of(),
                    PrivilegeTarget.SCHEMA));
        }
    }

    /**
     * Makes a new relation its owner's with the list its defaults give it. A relation of the
     * bootstrap superuser without defaults needs no entry: that is what the catalog assumes.
     */
    static void own(RoleCatalog roles, Catalog catalog, Transaction transaction, long relation, long owner,
                    String schema, PrivilegeTarget target) {
        List<AclItem> acl = aclOfNew(roles.defaultAcls(), target, owner, schemaOid(catalog, schema));
        if (acl != null || owner != RoleCatalog.BOOTSTRAP_SUPERUSER_OID) {
            roles.setPrivileges(transaction, new RelationPrivileges(relation, owner, acl, Map.of(), target));
        }
    }

    /** Returns the OID of a schema, or {@link DefaultAcl#ALL_SCHEMAS} when there is none by that name. */
    static long schemaOid(Catalog catalog, String schema) {
        return catalog.schema(schema).map(found -> found.oid()).orElse(DefaultAcl.ALL_SCHEMAS);
    }

    /** Returns the list a new object gets, or null for the built-in one. */
    static List<AclItem> aclOfNew(List<DefaultAcl> defaults, PrivilegeTarget target, long owner, long namespace) {
        List<AclItem> global = null;
        List<AclItem> inSchema = null;
        for (DefaultAcl entry : defaults) {
            if (entry.sameKey(owner, DefaultAcl.ALL_SCHEMAS, target)) {
                global = entry.acl();
            } else if (namespace != DefaultAcl.ALL_SCHEMAS && entry.sameKey(owner, namespace, target)) {
                inSchema = entry.acl();
            }
        }
        if (global == null && inSchema == null) {
            return null;
        }
        List<AclItem> merged = new ArrayList<>(global != null ? global : builtIn(target, owner));
        if (inSchema != null) {
            for (AclItem item : inSchema) {
                add(merged, item.grantee(), item.grantor(), item.privileges(), item.grantOptions());
            }
        }
        merged.sort(ACL_ITEM_ORDER);
        List<AclItem> builtIn = new ArrayList<>(builtIn(target, owner));
        return merged.equals(builtIn) ? null : merged;
    }

    /**
     * Returns the list an object of the owner has when nothing was granted: acldefault, under
     * which PUBLIC may also execute functions and use types.
     */
    static List<AclItem> builtIn(PrivilegeTarget target, long owner) {
        AclItem ownerItem = new AclItem(owner, owner, target.privileges(), Set.of());
        return target == PrivilegeTarget.FUNCTION || target == PrivilegeTarget.TYPE
                ? List.of(new AclItem(AclItem.PUBLIC, owner, target.privileges(), Set.of()), ownerItem)
                : List.of(ownerItem);
    }

    /** Adds privileges and grant options to a grantee's item from a grantor, or a new item at the end. */
    static void add(List<AclItem> acl, long grantee, long grantor, Set<TablePrivilege> privileges,
                    Set<TablePrivilege> grantOptions) {
        change(acl, grantee, grantor, held -> held.addAll(privileges), options -> options.addAll(grantOptions));
    }

    /**
     * Changes the item of a grantee from a grantor, as aclupdate does: a new one goes at the end,
     * one left without privileges is removed.
     */
    static void change(List<AclItem> acl, long grantee, long grantor,
                       java.util.function.Consumer<Set<TablePrivilege>> onPrivileges,
                       java.util.function.Consumer<Set<TablePrivilege>> onGrantOptions) {
        int index = -1;
        for (int i = 0; i < acl.size(); i++) {
            if (acl.get(i).grantee() == grantee && acl.get(i).grantor() == grantor) {
                index = i;
                break;
            }
        }
        Set<TablePrivilege> held = EnumSet.noneOf(TablePrivilege.class);
        Set<TablePrivilege> options = EnumSet.noneOf(TablePrivilege.class);
        if (index >= 0) {
            held.addAll(acl.get(index).privileges());
            options.addAll(acl.get(index).grantOptions());
        }
        onPrivileges.accept(held);
        onGrantOptions.accept(options);
        options.retainAll(held);
        DefaultPrivileges.putItem(acl, index, new AclItem(grantee, grantor, held, options));
    }

    /**
     * Puts a grantee's changed item at {@code index} of a list (-1: it had none), or takes the
     * item out when it holds no privilege any more.
     */
    static void putItem(List<AclItem> acl, int index, AclItem changed) {
        if (changed.privileges().isEmpty()) {
            if (index >= 0) {
                acl.remove(index);
            }
        } else if (index >= 0) {
            acl.set(index, changed);
        } else {
            acl.add(changed);
        }
    }
}
