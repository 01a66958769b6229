package org.modgres.shmem.impl;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.RoleMembership;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.IsolationLevel;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.Transaction;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared-memory service: one catalog and one set of tables for all backends, kept durable in
 * the data directory, and the roles (pg_authid). Immediate, so that the server takes its data directory and recovers it when
 * it starts, not at the first connection, and fails to start when it cannot.
 */
@Component(service = {SharedStorage.class, RoleCatalog.class}, configurationPid = SharedStorageImpl.PID, immediate = true)
@Designate(ocd = SharedStorageImpl.Config.class)
public final class SharedStorageImpl implements SharedStorage, RoleCatalog {

    static final String PID = "org.modgres.shmem";

    private static final Logger LOG = LoggerFactory.getLogger(SharedStorageImpl.class);

    @ObjectClassDefinition(name = "Modgres shared storage", description = "Where and how Modgres keeps its data."
            + " Each parameter can be overridden by the framework property modgres.<name> (bin/modgres -c name=value).")
    public @interface Config {
        @AttributeDefinition(description = "Data directory; the -D flag of bin/modgres overrides it.")
        String data__directory() default "data";

        @AttributeDefinition(description = "Time between periodic checkpoints (units ms, s, min, h, d; default s).")
        String checkpoint__timeout() default "5min";

        @AttributeDefinition(description = "Log growth that starts a checkpoint early (units kB, MB, GB, TB;"
                + " default MB).")
        String max__wal__size() default "1GB";

        @AttributeDefinition(description = "Whether COMMIT waits until its log records are on disk (on, off).")
        String synchronous__commit() default "on";

        @AttributeDefinition(description = "Memory for the buffer pool of table pages (units kB, MB, GB, TB;"
                + " a bare number counts 8kB blocks).")
        String shared__buffers() default "128MB";
    }

    private final StorageEngine engine;

    /** Creates the service without a data directory: nothing survives it. For tests of other bundles. */
    public SharedStorageImpl() {
        this.engine = StorageEngine.inMemory();
    }

    @Activate
    public SharedStorageImpl(BundleContext context, Config config) throws IOException {
        StorageSettings settings = StorageSettings.of(config, context::getProperty);
        try {
            this.engine = StorageEngine.open(settings);
        } catch (IOException | RuntimeException e) {
            LOG.error("could not open data directory \"{}\": {}", settings.dataDirectory(), e.getMessage());
            throw e;
        }
        LOG.info("shared storage ready; data directory {} (checkpoint_timeout {} s, synchronous_commit {},"
                        + " shared_buffers {})", settings.dataDirectory(), settings.checkpointTimeout().toSeconds(),
                settings.synchronousCommit() ? "on" : "off", StorageSettings.formatSharedBuffers(settings.sharedBuffers()));
    }

    SharedStorageImpl(StorageEngine engine) {
        this.engine = engine;
    }

    @Deactivate
    void deactivate() throws IOException {
        engine.close();
    }

    @Override
    public Catalog catalog() {
        return engine.catalog();
    }

    @Override
    public Transaction begin(IsolationLevel isolation) {
        return engine.begin(isolation);
    }

    @Override
    public void vacuum(String schema, String name) {
        long removed = engine.vacuum(schema, name);
        LOG.debug("vacuum of table \"{}\": {} dead rows removed", name, removed);
    }

    @Override
    public Map<String, String> serverSettings() {
        return Map.of("shared_buffers", StorageSettings.formatSharedBuffers(engine.sharedBuffers()));
    }

    @Override
    public boolean checkpoint() {
        try {
            return engine.checkpoint();
        } catch (IOException e) {
            throw new PgException(SqlState.IO_ERROR, "could not write checkpoint: " + e.getMessage());
        }
    }

    @Override
    public Optional<RoleInfo> role(String name) {
        return engine.roles().byName(name);
    }

    @Override
    public Optional<RoleInfo> role(long oid) {
        return engine.roles().byOid(oid);
    }

    @Override
    public List<RoleInfo> roles() {
        return engine.roles().all();
    }

    @Override
    public RoleInfo create(Transaction transaction, RoleInfo role) {
        return ours(transaction).roles().create(role);
    }

    @Override
    public RoleInfo alter(Transaction transaction, RoleInfo role) {
        return ours(transaction).roles().alter(role);
    }

    @Override
    public void drop(Transaction transaction, String name) {
        ours(transaction).roles().drop(name);
    }

    @Override
    public RelationPrivileges privileges(long relationOid) {
        return engine.privileges().of(relationOid);
    }

    @Override
    public void setPrivileges(Transaction transaction, RelationPrivileges privileges) {
        ours(transaction).roles().setPrivileges(privileges);
    }

    @Override
    public Map<Long, RelationPrivileges> functionPrivileges() {
        return engine.privileges().functions();
    }

    @Override
    public List<DefaultAcl> defaultAcls() {
        return engine.defaultAcls().all();
    }

    @Override
    public DefaultAcl setDefaultAcl(Transaction transaction, DefaultAcl entry) {
        return ours(transaction).roles().setDefaultAcl(entry);
    }

    @Override
    public void removeDefaultAcl(Transaction transaction, long role, long namespace, PrivilegeTarget target) {
        ours(transaction).roles().removeDefaultAcl(new MemoryDefaultAcls.Key(role, namespace, target));
    }

    @Override
    public List<RoleMembership> memberships() {
        return engine.memberships().all();
    }

    @Override
    public void grantMembership(Transaction transaction, RoleMembership membership) {
        ours(transaction).roles().grantMembership(membership);
    }

    @Override
    public void revokeMembership(Transaction transaction, long role, long member) {
        ours(transaction).roles().revokeMembership(role, member);
    }

    private static MemoryTransaction ours(Transaction transaction) {
        if (transaction instanceof MemoryTransaction memory) {
            return memory;
        }
        throw new IllegalArgumentException("not a transaction of this storage: " + transaction);
    }

    StorageEngine engine() {
        return engine;
    }
}
