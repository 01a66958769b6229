package org.modgres.api.role;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modgres.api.storage.Transaction;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The roles of the server and their memberships, shared by all databases as pg_authid and
 * pg_auth_members are. Implemented by the shared
 * storage, whose transactions the changes join: they are logged with the transaction's commit and
 * taken back by its rollback. Like the table catalog, a change is seen by every backend as soon
 * as it is made; a rollback takes it back.
 *
 * <p>This service checks only what the catalog itself must (unique names, existing roles);
 * privileges and PostgreSQL's rules about who may change what are the caller's.
 */
@ProviderType
public interface RoleCatalog {

    /** The OID of the bootstrap superuser, which every data directory has (BOOTSTRAP_SUPERUSERID). */
    long BOOTSTRAP_SUPERUSER_OID = 10;

    /** The name of the bootstrap superuser. */
    String BOOTSTRAP_SUPERUSER = "postgres";

    /** Returns the role with this name. */
    Optional<RoleInfo> role(String name);

    /** Returns the role with this OID. */
    Optional<RoleInfo> role(long oid);

    /** Returns every role, by OID. */
    List<RoleInfo> roles();

    /**
     * Creates a role with a new OID (the one of {@code role} is ignored) inside the transaction.
     *
     * @throws org.modgres.api.error.PgException 42710 when a role of that name exists
     */
    RoleInfo create(Transaction transaction, RoleInfo role);

    /**
     * Replaces the role with {@code role}'s OID by {@code role}, its name included (a rename).
     *
     * @throws org.modgres.api.error.PgException 42704 when there is no role with that OID, 42710
     *         when another role has the new name
     */
    RoleInfo alter(Transaction transaction, RoleInfo role);

    /**
     * Drops a role.
     *
     * @throws org.modgres.api.error.PgException 42704 when it does not exist
     */
    void drop(Transaction transaction, String name);

    /**
     * Returns the owner and access control list of a table; a table they were never set for
     * belongs to the bootstrap superuser with the default list, as tables made before ownership
     * was kept do.
     */
    RelationPrivileges privileges(long relationOid);

    /**
     * Sets the owner and access control list of a table inside the transaction: logged with its
     * commit, taken back by its rollback. Forgotten when the table is dropped.
     */
    void setPrivileges(Transaction transaction, RelationPrivileges privileges);

    /**
     * Returns the privileges set on functions (GRANT or REVOKE EXECUTE ON FUNCTION), by function
     * OID; empty while none was ever set, as on most servers. The same map is returned until one
     * changes, so that callers may keep what they derive from it by its identity.
     */
    default Map<Long, RelationPrivileges> functionPrivileges() {
        return Map.of();
    }

    /** Returns the default access control lists (pg_default_acl), by role, schema and kind. */
    default List<DefaultAcl> defaultAcls() {
        return List.of();
    }

    /**
     * Sets the default access control list of a role, schema and kind inside the transaction,
     * replacing the one there is; the entry keeps its OID, or gets a new one (that of
     * {@code entry} is ignored).
     *
     * @return the entry as kept, with its OID
     */
    default DefaultAcl setDefaultAcl(Transaction transaction, DefaultAcl entry) {
        throw new UnsupportedOperationException("default privileges are not kept");
    }

    /** Removes the default access control list of a role, schema and kind inside the transaction, if any. */
    default void removeDefaultAcl(Transaction transaction, long role, long namespace, PrivilegeTarget target) {
        throw new UnsupportedOperationException("default privileges are not kept");
    }

    /** Returns every membership of a role in another (pg_auth_members), by role then member. */
    List<RoleMembership> memberships();

    /**
     * Makes a role a member of another inside the transaction, replacing the membership of the
     * same role and member if there is one. Checks neither loops nor privileges: the caller's.
     */
    void grantMembership(Transaction transaction, RoleMembership membership);

    /** Ends a membership inside the transaction; nothing happens when there is none. */
    void revokeMembership(Transaction transaction, long role, long member);
}
