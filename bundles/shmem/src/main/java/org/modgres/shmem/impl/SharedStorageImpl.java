package org.modgres.shmem.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.Transaction;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared-memory service: one catalog and one set of tables for all backends.
 * Tables live in memory for now; the data directory is created and reserved for the durable
 * page store that replaces them.
 */
@Component(service = SharedStorage.class, configurationPid = SharedStorageImpl.PID)
@Designate(ocd = SharedStorageImpl.Config.class)
public final class SharedStorageImpl implements SharedStorage {

    static final String PID = "org.modgres.shmem";
    static final String DATA_DIRECTORY_PROPERTY = "modgres.data_directory";

    private static final Logger LOG = LoggerFactory.getLogger(SharedStorageImpl.class);

    @ObjectClassDefinition(name = "Modgres shared storage", description = "Where Modgres keeps its data.")
    public @interface Config {
        @AttributeDefinition(description = "Data directory; the -D flag of bin/modgres overrides it.")
        String data__directory() default "data";
    }

    private final MemoryCatalog catalog = new MemoryCatalog();
    private final AtomicLong nextTransactionId = new AtomicLong(1);

    /** Creates the service without a data directory, for tests. */
    public SharedStorageImpl() {
    }

    @Activate
    public SharedStorageImpl(BundleContext context, Config config) throws IOException {
        String override = context.getProperty(DATA_DIRECTORY_PROPERTY);
        Path dataDirectory = Path.of(override != null ? override : config.data__directory()).toAbsolutePath();
        Files.createDirectories(dataDirectory);
        LOG.info("shared storage ready; data directory {} (tables are kept in memory)", dataDirectory);
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public Transaction begin() {
        return new MemoryTransaction(nextTransactionId.getAndIncrement(), catalog);
    }
}
