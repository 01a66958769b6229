package org.modgres.shmem.impl;

import java.io.IOException;

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
 * the data directory. Immediate, so that the server takes its data directory and recovers it when
 * it starts, not at the first connection, and fails to start when it cannot.
 */
@Component(service = SharedStorage.class, configurationPid = SharedStorageImpl.PID, immediate = true)
@Designate(ocd = SharedStorageImpl.Config.class)
public final class SharedStorageImpl implements SharedStorage {

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
        LOG.info("shared storage ready; data directory {} (checkpoint_timeout {} s, synchronous_commit {})",
                settings.dataDirectory(), settings.checkpointTimeout().toSeconds(),
                settings.synchronousCommit() ? "on" : "off");
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

    StorageEngine engine() {
        return engine;
    }
}
