package org.modgres.session.impl;

import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.sql.CommentStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.ObjectComment;
import org.modgres.api.storage.SchemaInfo;

/**
 * COMMENT ON, as PostgreSQL's CommentObject runs it: the object must exist and be of the kind
 * named, its owner (or a member of the owner, or a superuser) puts the comment, and an empty
 * comment removes it as NULL does. The comment is kept with the transaction.
 */
final class CommentCommands {

    private final Services services;
    private final TransactionBlock transactions;
    private final String database;
    private final SessionRoles user;

    CommentCommands(Services services, TransactionBlock transactions, String database, SessionRoles user) {
        this.services = services;
        this.transactions = transactions;
        this.database = database;
        this.user = user;
    }

    void run(CommentStatement statement) {
        transactions.checkWritable(statement.kind().commandName());
        Catalog catalog = services.storage().catalog();
        RoleCatalog roles = services.roles();
        AccessControl access = new AccessControl(roles, user.currentUser());
        Commented target = statement.type() == CommentStatement.Type.SCHEMA
                ? schema(statement.name().get(0), catalog)
                : relation(statement, catalog, access);
        if (!access.superuser() && !access.privilegeRoles().contains(target.owner())) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of " + target.kind() + " " + target.name());
        }
        String comment = statement.comment() == null || statement.comment().isEmpty() ? null : statement.comment();
        transactions.startStatement().setComment(target.oid(), target.classOid(), target.subId(), comment);
    }

    private Commented schema(String name, Catalog catalog) {
        SchemaInfo schema = catalog.schema(name).orElseThrow(() -> new PgException(SqlState.INVALID_SCHEMA_NAME,
                "schema \"" + name + "\" does not exist"));
        return new Commented(schema.oid(), ObjectComment.PG_NAMESPACE, 0, schema.name(), "schema", schema.owner());
    }

    private Commented relation(CommentStatement statement, Catalog catalog, AccessControl access) {
        boolean column = statement.type() == CommentStatement.Type.COLUMN;
        List<String> written = column ? statement.name().subList(0, statement.name().size() - 1) : statement.name();
        List<String> name = Relations.qualified(written, database);
        if (!access.superuser() && catalog.schema(name.get(0)).isPresent()) {
            access.requireOnSchema(catalog, name.get(0), TablePrivilege.USAGE);
        }
        Relations.AnyRelation relation = new Relations(catalog, database).findAny(written)
                .orElseThrow(() -> Relations.missing(written));
        long owner = services.roles().privileges(relation.oid()).owner();
        if (column) {
            String columnName = statement.name().getLast();
            int position = relation.columns().stream().map(ColumnInfo::name).toList().indexOf(columnName);
            if (position < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + columnName + "\" of relation \"" + relation.name() + "\" does not exist");
            }
            return new Commented(relation.oid(), ObjectComment.PG_CLASS, position + 1, relation.name(), "relation", owner);
        }
        relation.requireKind(statement.type().name().toLowerCase(java.util.Locale.ROOT));
        return new Commented(relation.oid(), ObjectComment.PG_CLASS, 0, relation.name(), relation.kind(), owner);
    }

    /** The object a comment is put on, and how PostgreSQL's messages name it. */
    private record Commented(long oid, long classOid, int subId, String name, String kind, long owner) {
    }
}
