package org.modgres.session.impl;

import java.util.List;
import java.util.Optional;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.sql.CommentStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.ObjectComment;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.TableInfo;

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
        Optional<TableInfo> table = new Relations(catalog, database).find(written);
        Optional<TableInfo> view = catalog.view(name.get(0), name.get(1)).map(ViewReads::asTable);
        Optional<Long> sequence = catalog.sequence(name.get(0), name.get(1)).map(found -> found.oid());
        String kind = table.isPresent() ? "table" : view.isPresent() ? "view" : sequence.isPresent() ? "sequence" : null;
        if (kind == null) {
            throw Relations.missing(written);
        }
        long oid = table.or(() -> view).map(TableInfo::oid).orElseGet(sequence::get);
        long owner = services.roles().privileges(oid).owner();
        if (column) {
            List<ColumnInfo> columns = table.or(() -> view).map(TableInfo::columns).orElse(List.of());
            String columnName = statement.name().getLast();
            int position = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(columnName)) {
                    position = i;
                }
            }
            if (position < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + columnName + "\" of relation \"" + name.get(1) + "\" does not exist");
            }
            return new Commented(oid, ObjectComment.PG_CLASS, position + 1, name.get(1), "relation", owner);
        }
        String wanted = statement.type().name().toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals(wanted)) {
            throw new PgException(SqlState.WRONG_OBJECT_TYPE, "\"" + name.get(1) + "\" is not a " + wanted);
        }
        return new Commented(oid, ObjectComment.PG_CLASS, 0, name.get(1), kind, owner);
    }

    /** The object a comment is put on, and how PostgreSQL's messages name it. */
    private record Commented(long oid, long classOid, int subId, String name, String kind, long owner) {
    }
}
