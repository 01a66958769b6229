package org.modgres.session.impl;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.sql.RoleStatement;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.PgType;
import org.modgres.api.type.TextFormat;
import org.modgres.session.impl.auth.PasswordHashes;

/**
 * CREATE, ALTER and DROP ROLE, with PostgreSQL 15's privilege rules (user.c): superusers may do
 * anything; CREATEROLE roles may manage roles that are not superusers; other roles may only
 * change their own password. Passwords are stored hashed per {@code password_encryption}. The
 * checks are of the current role; GRANT and REVOKE of membership are {@link RoleMembershipCommands}'.
 */
final class RoleCommands {

    private final RoleCatalog roles;
    private final TransactionBlock transactions;
    private final SessionSettings settings;
    private final Wire wire;
    private final SessionRoles session;
    private final RoleDependencies dependencies;
    private final RoleMembershipCommands memberships;

    RoleCommands(RoleCatalog roles, TransactionBlock transactions, SessionSettings settings, Wire wire,
                 SessionRoles session, RoleDependencies dependencies) {
        this.roles = roles;
        this.dependencies = dependencies;
        this.transactions = transactions;
        this.settings = settings;
        this.wire = wire;
        this.session = session;
        this.memberships = new RoleMembershipCommands(roles, wire);
    }

    void run(RoleStatement statement) {
        transactions.checkWritable(statement.kind().commandName());
        switch (statement) {
            case RoleStatement.Create create -> create(create);
            case RoleStatement.Alter alter -> alter(alter);
            case RoleStatement.Rename rename -> rename(rename);
            case RoleStatement.Drop drop -> drop(drop);
            case RoleStatement.GrantRole grant -> memberships.run(transaction(), currentRole(), grant.grant(),
                    grant.roles(), grant.members(), grant.adminOption());
        }
    }

    private void create(RoleStatement.Create create) {
        RoleStatement.Options o = create.options();
        RoleInfo current = currentRole();
        if (isTrue(o.superuser()) && !current.superuser()) {
            throw denied("must be superuser to create superusers");
        }
        if (isTrue(o.replication()) && !current.superuser()) {
            throw denied("must be superuser to create replication users");
        }
        if (isTrue(o.bypassRls()) && !current.superuser()) {
            throw denied("must be superuser to create bypassrls users");
        }
        if (!current.superuser() && !current.createRole()) {
            throw denied("permission denied to create role");
        }
        checkNotReserved(create.name());
        checkConnectionLimit(o.connectionLimit());
        if (roles.role(create.name()).isPresent()) {
            throw new PgException(SqlState.DUPLICATE_OBJECT, "role \"" + create.name() + "\" already exists");
        }
        RoleInfo role = new RoleInfo(0, create.name(), orElse(o.superuser(), false), orElse(o.inherit(), true),
                orElse(o.createRole(), false), orElse(o.createDb(), false), orElse(o.login(), create.user()),
                orElse(o.replication(), false), orElse(o.bypassRls(), false), orElse(o.connectionLimit(), -1),
                o.password() == null ? null : storedPassword(o.password(), create.name()),
                o.validUntil() == null ? null : validUntil(o.validUntil()));
        Transaction transaction = transaction();
        RoleInfo created = roles.create(transaction, role);
        memberships.create(transaction, current, created, create.membership());
    }

    private void alter(RoleStatement.Alter alter) {
        RoleStatement.Options o = alter.options();
        RoleInfo target = existing(alter.name());
        RoleInfo current = currentRole();
        if (!current.superuser()) {
            if (target.superuser() || o.superuser() != null) {
                throw denied("must be superuser to alter superuser roles or change superuser attribute");
            }
            if (target.replication() || o.replication() != null) {
                throw denied("must be superuser to alter replication roles or change replication attribute");
            }
            if (o.bypassRls() != null) {
                throw denied("must be superuser to change bypassrls attribute");
            }
            boolean ownPasswordOnly = o.password() != null && target.oid() == current.oid()
                    && o.equals(new RoleStatement.Options(null, null, null, null, null, null, null, null,
                            o.password(), null));
            if (!current.createRole() && !ownPasswordOnly) {
                throw denied("permission denied");
            }
        }
        checkConnectionLimit(o.connectionLimit());
        RoleInfo altered = new RoleInfo(target.oid(), target.name(), orElse(o.superuser(), target.superuser()),
                orElse(o.inherit(), target.inherit()), orElse(o.createRole(), target.createRole()),
                orElse(o.createDb(), target.createDb()), orElse(o.login(), target.canLogin()),
                orElse(o.replication(), target.replication()), orElse(o.bypassRls(), target.bypassRls()),
                orElse(o.connectionLimit(), target.connectionLimit()),
                o.password() == null ? target.password() : storedPassword(o.password(), target.name()),
                o.validUntil() == null ? target.validUntil() : validUntil(o.validUntil()));
        roles.alter(transaction(), altered);
    }

    private void rename(RoleStatement.Rename rename) {
        RoleInfo target = existing(rename.name());
        RoleInfo current = currentRole();
        if (target.name().equals(session.sessionUser())) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "session user cannot be renamed");
        }
        if (target.oid() == current.oid()) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "current user cannot be renamed");
        }
        if (roles.role(rename.newName()).isPresent()) {
            throw new PgException(SqlState.DUPLICATE_OBJECT, "role \"" + rename.newName() + "\" already exists");
        }
        checkNotReserved(rename.newName());
        if (target.superuser() && !current.superuser()) {
            throw denied("must be superuser to rename superusers");
        }
        if (!current.superuser() && !current.createRole()) {
            throw denied("permission denied to rename role");
        }
        RoleInfo renamed = target.withName(rename.newName());
        if (PasswordHashes.isMd5(target.password())) {
            // the role name salts an MD5 hash, which no longer matches
            renamed = renamed.withPassword(null);
            wire.notice(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "MD5 password cleared because of role rename");
        }
        roles.alter(transaction(), renamed);
    }

    private void drop(RoleStatement.Drop drop) {
        RoleInfo current = currentRole();
        if (!current.superuser() && !current.createRole()) {
            throw denied("permission denied to drop role");
        }
        Transaction transaction = transaction();
        for (String name : drop.names()) {
            RoleInfo target = roles.role(name).orElse(null);
            if (target == null) {
                if (!drop.ifExists()) {
                    throw missing(name);
                }
                wire.notice(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
                        "role \"" + name + "\" does not exist, skipping");
                continue;
            }
            if (target.oid() == current.oid()) {
                throw new PgException(SqlState.OBJECT_IN_USE, "current user cannot be dropped");
            }
            if (target.name().equals(session.sessionUser())) {
                throw new PgException(SqlState.OBJECT_IN_USE, "session user cannot be dropped");
            }
            if (target.superuser() && !current.superuser()) {
                throw denied("must be superuser to drop superusers");
            }
            if (target.oid() == RoleCatalog.BOOTSTRAP_SUPERUSER_OID) {
                throw new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop role " + target.name() + " because it is required by the database system");
            }
            dependencies.checkNoneDependOn(target);
            memberships.forget(transaction, target);
            roles.drop(transaction, name);
        }
    }

    /** Returns the stored form of a PASSWORD clause: NULL and '' clear it, as in PostgreSQL. */
    private String storedPassword(RoleStatement.Password password, String roleName) {
        if (password.value() == null) {
            return null;
        }
        if (password.value().isEmpty()) {
            wire.notice(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
                    "empty string is not a valid password, clearing password");
            return null;
        }
        return PasswordHashes.hash(password.value(), roleName, settings.get("password_encryption"));
    }

    private Instant validUntil(String text) {
        OffsetDateTime time = (OffsetDateTime) TextFormat.parse(PgType.TIMESTAMPTZ, text, settings.timeZone());
        if (time.equals(OffsetDateTime.MAX)) {
            return Instant.MAX;
        }
        return time.equals(OffsetDateTime.MIN) ? Instant.MIN : time.toInstant();
    }

    private RoleInfo currentRole() {
        String current = session.currentUser();
        return roles.role(current).orElseThrow(() -> new PgException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                "role \"" + current + "\" does not exist"));
    }

    private RoleInfo existing(String name) {
        return roles.role(name).orElseThrow(() -> missing(name));
    }

    private Transaction transaction() {
        return transactions.startStatement();
    }

    private static void checkNotReserved(String name) {
        if (name.startsWith("pg_")) {
            throw new PgException(SqlState.RESERVED_NAME, Severity.ERROR, "role name \"" + name + "\" is reserved",
                    "Role names starting with \"pg_\" are reserved.", null, 0, null);
        }
    }

    private static void checkConnectionLimit(Integer limit) {
        if (limit != null && limit < -1) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "invalid connection limit: " + limit);
        }
    }

    private static PgException missing(String name) {
        return new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
    }

    private static PgException denied(String message) {
        return new PgException(SqlState.INSUFFICIENT_PRIVILEGE, message);
    }

    private static boolean isTrue(Boolean value) {
        return value != null && value;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
