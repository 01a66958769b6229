package org.modgres.session.impl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.SequenceStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.storage.SequenceOwner;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.PgType;

/**
 * CREATE SEQUENCE, ALTER SEQUENCE and DROP SEQUENCE, run against the storage inside the
 * transaction, with PostgreSQL's defaults, checks and IF [NOT] EXISTS notices. RESTART sets the
 * value at once, outside the transaction, as setval does.
 */
final class SequenceCommands {

    private final Services services;
    private final TransactionBlock transactions;
    private final Wire wire;
    private final String database;
    private final PrivilegeCommands privileges;

    SequenceCommands(Services services, TransactionBlock transactions, Wire wire, String database,
                     PrivilegeCommands privileges) {
        this.services = services;
        this.transactions = transactions;
        this.wire = wire;
        this.database = database;
        this.privileges = privileges;
    }

    void run(SequenceStatement statement) {
        transactions.checkWritable(statement.kind().commandName());
        switch (statement) {
            case SequenceStatement.Create create -> create(create);
            case SequenceStatement.Alter alter -> alter(alter);
            case SequenceStatement.Drop drop -> drop(drop);
        }
    }

    private void create(SequenceStatement.Create create) {
        List<String> name = Relations.qualified(create.name(), database);
        SequenceStatement.Options written = create.options();
        Catalog catalog = services.storage().catalog();
        if (create.ifNotExists() && (catalog.sequence(name.get(0), name.get(1)).isPresent()
                || catalog.table(name.get(0), name.get(1)).isPresent())) {
            notice("relation \"" + name.get(1) + "\" already exists, skipping");
            return;
        }
        privileges.checkCreateIn(name.get(0));
        SequenceOptions options = resolve(null, written);
        SequenceOwner owner = owner(written.ownedBy());
        Transaction transaction = transactions.startStatement();
        SequenceInfo sequence = transaction.createSequence(name.get(0), name.get(1), options, owner);
        privileges.ownSequence(transaction, sequence.oid(), name.get(0));
    }

    private void alter(SequenceStatement.Alter alter) {
        List<String> name = Relations.qualified(alter.name(), database);
        Optional<SequenceInfo> found = services.storage().catalog().sequence(name.get(0), name.get(1));
        if (found.isEmpty()) {
            if (services.storage().catalog().table(name.get(0), name.get(1)).isPresent()) {
                throw new PgException(SqlState.WRONG_OBJECT_TYPE, "\"" + name.get(1) + "\" is not a sequence");
            }
            if (alter.ifExists()) {
                notice("relation \"" + name.get(1) + "\" does not exist, skipping");
                return;
            }
            throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + name.get(1) + "\" does not exist");
        }
        SequenceInfo sequence = found.get();
        SequenceStatement.Options written = alter.options();
        SequenceOptions options = resolve(sequence.options(), written);
        SequenceOwner owner = written.ownedBy() == null ? sequence.owner() : owner(written.ownedBy());
        Transaction transaction = transactions.startStatement();
        if (!options.equals(sequence.options()) || !Objects.equals(owner, sequence.owner())) {
            transaction.alterSequence(sequence.oid(), options, owner);
        }
        if (written.restart() != null) {
            long value = written.restart() == SequenceStatement.Options.NO_BOUND ? options.start() : written.restart();
            if (value < options.minValue()) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "RESTART value (" + value
                        + ") cannot be less than MINVALUE (" + options.minValue() + ")");
            }
            if (value > options.maxValue()) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "RESTART value (" + value
                        + ") cannot be greater than MAXVALUE (" + options.maxValue() + ")");
            }
            transaction.setval(sequence.oid(), value, false);
        }
    }

    private void drop(SequenceStatement.Drop drop) {
        Catalog catalog = services.storage().catalog();
        Transaction transaction = null;
        for (List<String> written : drop.names()) {
            List<String> name = Relations.qualified(written, database);
            if (catalog.sequence(name.get(0), name.get(1)).isEmpty()
                    && catalog.table(name.get(0), name.get(1)).isEmpty()) {
                if (!drop.ifExists()) {
                    throw new PgException(SqlState.UNDEFINED_TABLE, "sequence \"" + name.get(1) + "\" does not exist");
                }
                notice("sequence \"" + name.get(1) + "\" does not exist, skipping");
                continue;
            }
            catalog.sequence(name.get(0), name.get(1)).ifPresent(sequence -> checkNoDependents(catalog, sequence));
            if (transaction == null) {
                transaction = transactions.startStatement();
            }
            transaction.dropSequence(name.get(0), name.get(1));
        }
    }

    /**
     * Refuses to drop a sequence a column needs, as PostgreSQL does: an identity column's, or one a
     * column default calls (CASCADE is not supported: it is refused the same way).
     */
    private static void checkNoDependents(Catalog catalog, SequenceInfo sequence) {
        SequenceOwner owner = sequence.owner();
        if (owner != null) {
            Optional<TableInfo> table = catalog.table(owner.schema(), owner.table());
            int column = table.map(t -> t.columnIndex(owner.column())).orElse(-1);
            if (column >= 0 && table.get().columns().get(column).identity() != null) {
                throw new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop sequence " + sequence.name()
                        + " because column " + owner.column() + " of table " + owner.table() + " requires it")
                        .withHint("You can drop column " + owner.column() + " of table " + owner.table() + " instead.");
            }
        }
        String unqualified = "nextval('" + sequence.name() + "')";
        String qualified = "nextval('" + sequence.schema() + "." + sequence.name() + "')";
        for (TableInfo table : catalog.tables(sequence.schema())) {
            for (ColumnInfo column : table.columns()) {
                String expression = column.defaultExpression();
                if (expression != null && (expression.contains(unqualified) || expression.contains(qualified))) {
                    throw new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop sequence "
                            + sequence.name() + " because other objects depend on it")
                            .withDetail("default value for column " + column.name() + " of table " + table.name()
                                    + " depends on sequence " + sequence.name())
                            .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
                }
            }
        }
    }

    private static SequenceOptions resolve(SequenceOptions base, SequenceStatement.Options written) {
        PgType type = written.type() == null ? null : switch (written.type()) {
            case "smallint" -> PgType.INT2;
            case "integer" -> PgType.INT4;
            case "bigint" -> PgType.INT8;
            default -> throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "sequence type must be smallint, integer, or bigint");
        };
        boolean noMin = written.minValue() != null && written.minValue() == SequenceStatement.Options.NO_BOUND;
        boolean noMax = written.maxValue() != null && written.maxValue() == SequenceStatement.Options.NO_BOUND;
        return SequenceOptions.resolve(base, type, written.increment(), noMin ? null : written.minValue(),
                noMax ? null : written.maxValue(), written.start(), written.cache(), written.cycle(), noMin, noMax);
    }

    /** OWNED BY [schema.]table.column; null for OWNED BY NONE or none written. */
    private SequenceOwner owner(List<String> ownedBy) {
        if (ownedBy == null || ownedBy.isEmpty()) {
            return null;
        }
        if (ownedBy.size() < 2) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "invalid OWNED BY option")
                    .withHint("Specify OWNED BY table.column or OWNED BY NONE.");
        }
        List<String> table = Relations.qualified(ownedBy.subList(0, ownedBy.size() - 1), database);
        return new SequenceOwner(table.get(0), table.get(1), ownedBy.getLast());
    }

    /** Returns [schema, name] of a name written with one to three parts. */
    private void notice(String message) {
        wire.notice(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, message);
    }
}
