package org.modgres.shmem.impl;

import java.util.List;
import java.util.Map;

import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.storage.SequenceOwner;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.TableLockMode;
import org.modgres.api.storage.Transaction;
import org.modgres.api.storage.ViewInfo;

/**
 * The changes of the catalog a transaction makes (sequences, schemas, views, keys, constraints,
 * indexes, columns and comments), each handed to the class that makes it; {@link MemoryTransaction} adds the
 * transaction's life, its rows and its logs.
 */
abstract class TransactionDefinitions implements Transaction {

    /** Takes, before a change of its definition, the table's lock in this mode (when the table exists). */
    abstract void lockForDefinition(String schema, String name, TableLockMode mode);

    /** Throws unless the transaction is still running. */
    abstract void checkActive();

    abstract SequenceChanges sequenceChanges();

    abstract SchemaObjectChanges schemaObjectChanges();

    abstract TableDefinitionChanges definitionChanges();

    abstract ColumnChanges columnChanges();

    /** The role, privilege and comment changes of the transaction; throws unless it is still running. */
    abstract RoleChanges roles();

    @Override
    public void setComment(long objectOid, long classOid, int subId, String description) {
        roles().setComment(new MemoryComments.Key(objectOid, classOid, subId), description);
    }

    @Override
    public SequenceInfo createSequence(String schema, String name, SequenceOptions options, SequenceOwner owner) {
        checkActive();
        return sequenceChanges().create(schema, name, options, owner);
    }

    @Override
    public void dropSequence(String schema, String name) {
        checkActive();
        sequenceChanges().drop(schema, name);
    }

    @Override
    public SequenceInfo alterSequence(long oid, SequenceOptions options, SequenceOwner owner) {
        checkActive();
        return sequenceChanges().alter(oid, options, owner);
    }

    @Override
    public long nextval(long sequenceOid) {
        checkActive();
        return sequenceChanges().nextval(sequenceOid);
    }

    @Override
    public void setval(long sequenceOid, long value, boolean isCalled) {
        checkActive();
        sequenceChanges().setval(sequenceOid, value, isCalled);
    }

    @Override
    public SchemaInfo createSchema(String name, long owner) {
        return schemaObjectChanges().createSchema(name, owner);
    }

    @Override
    public void dropSchema(String name) {
        schemaObjectChanges().dropSchema(name);
    }

    @Override
    public ViewInfo createView(ViewInfo view, boolean orReplace) {
        return schemaObjectChanges().createView(view, orReplace);
    }

    @Override
    public void dropView(String schema, String name) {
        schemaObjectChanges().dropView(schema, name);
    }

    @Override
    public TableInfo addPrimaryKey(String schema, String name, List<String> columns) {
        checkActive();
        lockForDefinition(schema, name, TableLockMode.ACCESS_EXCLUSIVE);
        return definitionChanges().addPrimaryKey(schema, name, columns);
    }

    @Override
    public TableInfo createIndex(String schema, String name, TableIndex index) {
        checkActive();
        lockForDefinition(schema, name, TableLockMode.SHARE);
        return definitionChanges().createIndex(schema, name, index);
    }

    @Override
    public TableInfo dropIndex(String schema, String name) {
        checkActive();
        return definitionChanges().dropIndex(schema, name);
    }

    @Override
    public TableInfo setColumnDefault(String schema, String name, String column, String expression) {
        checkActive();
        lockForDefinition(schema, name, TableLockMode.ACCESS_EXCLUSIVE);
        return definitionChanges().setColumnDefault(schema, name, column, expression);
    }

    @Override
    public TableInfo setNotNull(String schema, String name, String column, boolean notNull) {
        checkActive();
        lockForDefinition(schema, name, TableLockMode.ACCESS_EXCLUSIVE);
        return definitionChanges().setNotNull(schema, name, column, notNull);
    }

    @Override
    public TableInfo addConstraint(String schema, String name, TableConstraint constraint) {
        checkActive();
        if (constraint instanceof TableConstraint.ForeignKey key) {
            // PostgreSQL's lock for a new foreign key: rows may be read, not changed, on both sides
            lockForDefinition(schema, name, TableLockMode.SHARE_ROW_EXCLUSIVE);
            lockForDefinition(key.referencedSchema(), key.referencedTable(), TableLockMode.SHARE_ROW_EXCLUSIVE);
        } else {
            lockForDefinition(schema, name, TableLockMode.ACCESS_EXCLUSIVE);
        }
        return definitionChanges().addConstraint(schema, name, constraint);
    }

    @Override
    public List<String> dropConstraint(String schema, String name, String constraint, boolean cascade) {
        checkActive();
        lockForDefinition(schema, name, TableLockMode.ACCESS_EXCLUSIVE);
        return definitionChanges().dropConstraint(schema, name, constraint, cascade);
    }

    @Override
    public TableInfo addColumn(String schema, String name, ColumnInfo column, Object value) {
        checkActive();
        lockForDefinition(schema, name, TableLockMode.ACCESS_EXCLUSIVE);
        return columnChanges().addColumn(schema, name, column, value);
    }

    @Override
    public List<String> dropColumn(String schema, String name, String column, List<String> checks,
                                   boolean cascade) {
        checkActive();
        lockForDefinition(schema, name, TableLockMode.ACCESS_EXCLUSIVE);
        return columnChanges().dropColumn(schema, name, column, checks, cascade);
    }

    @Override
    public TableInfo renameColumn(String schema, String name, String column, String newName,
                                  Map<String, String> checks) {
        checkActive();
        lockForDefinition(schema, name, TableLockMode.ACCESS_EXCLUSIVE);
        return columnChanges().renameColumn(schema, name, column, newName, checks);
    }

    @Override
    public TableInfo renameTable(String schema, String name, String newName) {
        checkActive();
        lockForDefinition(schema, name, TableLockMode.ACCESS_EXCLUSIVE);
        return columnChanges().renameTable(schema, name, newName);
    }
}
