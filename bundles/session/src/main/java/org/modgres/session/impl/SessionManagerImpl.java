package org.modgres.session.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.exec.Executor;
import org.modgres.api.plan.Planner;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.session.ClientConnection;
import org.modgres.api.session.SessionInfo;
import org.modgres.api.session.SessionManager;
import org.modgres.api.sql.SqlParser;
import org.modgres.api.storage.SharedStorage;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one backend per client connection, each on its own virtual thread, and keeps track of
 * them for cancel requests and the shell.
 *
 * <p>The parser, planner and executor are bound dynamically and greedily: the service with the
 * highest {@code service.ranking} serves every statement that starts after it appeared, and when
 * it goes away the next one takes over, without touching a connection.
 */
@Component(service = SessionManager.class)
public final class SessionManagerImpl implements SessionManager, Services {

    private static final Logger LOG = LoggerFactory.getLogger(SessionManagerImpl.class);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SqlParser parser;

    /** The functions GRANT ... ON FUNCTION names and statements are checked against; absent without pg_catalog. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FunctionCatalog functionCatalog;

    private volatile Planner planner;

    private volatile Executor executor;

    /** The framework property naming pg_hba.conf ({@code -c hba_file=...}); by default etc/pg_hba.conf. */
    static final String HBA_FILE_PROPERTY = "modgres.hba_file";

    private final SharedStorage storage;
    private final RoleCatalog roles;
    private final HbaConfiguration hba;
    private final AuditLog audit;
    private final Map<Integer, Backend> backends = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    /** Backend ids count up from a random start, as process ids would differ between servers. */
    private final AtomicInteger nextProcessId = new AtomicInteger(10_000 + new SecureRandom().nextInt(50_000));
    private final ThreadFactory backendThreads = Thread.ofVirtual().name("backend-", 0).factory();

    @Activate
    public SessionManagerImpl(BundleContext context, @Reference SharedStorage storage, @Reference RoleCatalog roles) {
        this(storage, roles, hbaConfiguration(context.getProperty(HBA_FILE_PROPERTY),
                context.getProperty("modgres.home")), AuditLog.of(context::getProperty));
    }

    SessionManagerImpl(SharedStorage storage, RoleCatalog roles, HbaConfiguration hba) {
        this(storage, roles, hba, AuditLog.OFF);
    }

    SessionManagerImpl(SharedStorage storage, RoleCatalog roles, HbaConfiguration hba, AuditLog audit) {
        this.storage = storage;
        this.roles = roles;
        this.hba = hba;
        this.audit = audit;
        LOG.info("session manager ready; authentication by {}",
                hba.file() == null ? "trust for every connection" : "\"" + hba.file() + "\"");
    }

    /**
     * Finds pg_hba.conf: the file named by {@code modgres.hba_file}, which must exist, or else
     * {@code etc/pg_hba.conf} of the distribution, without which every connection is trusted, as
     * before the file existed.
     */
    static HbaConfiguration hbaConfiguration(String configured, String home) {
        if (configured != null && !configured.isBlank()) {
            return new HbaConfiguration(Path.of(configured).toAbsolutePath());
        }
        Path standard = home == null ? null : Path.of(home, "etc", "pg_hba.conf");
        if (standard == null || !Files.exists(standard)) {
            LOG.warn("no pg_hba.conf{}: every connection is trusted", standard == null ? "" : " at " + standard);
            return HbaConfiguration.TRUST_ALL;
        }
        return new HbaConfiguration(standard);
    }

    @Deactivate
    void deactivate() {
        for (Backend backend : backends.values()) {
            backend.terminate();
        }
        LOG.info("session manager stopped; {} backends told to terminate", backends.size());
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindPlanner(Planner newPlanner, ServiceReference<Planner> reference) {
        planner = newPlanner;
        LOG.info("planner {} (ranking {}) now serves new statements", newPlanner.name(), ranking(reference));
    }

    void unbindPlanner(Planner oldPlanner) {
        // a greedy dynamic reference binds the replacement before it unbinds the old service
        LOG.debug("planner {} unbound", oldPlanner.name());
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindExecutor(Executor newExecutor, ServiceReference<Executor> reference) {
        executor = newExecutor;
        LOG.info("executor {} (ranking {}) now serves new statements", newExecutor.name(), ranking(reference));
    }

    void unbindExecutor(Executor oldExecutor) {
        LOG.debug("executor {} unbound", oldExecutor.name());
    }

    private static Object ranking(ServiceReference<?> reference) {
        Object ranking = reference.getProperty("service.ranking");
        return ranking == null ? 0 : ranking;
    }

    @Override
    public FunctionCatalog functions() {
        return functionCatalog;
    }

    @Override
    public void serve(ClientConnection connection) {
        int processId = nextProcessId.getAndIncrement();
        int secretKey = random.nextInt();
        try {
            Backend backend = new Backend(processId, secretKey, connection, this, () -> backends.remove(processId));
            backends.put(processId, backend);
            backendThreads.newThread(backend).start();
        } catch (IOException e) {
            LOG.debug("could not start a backend for {}: {}", connection.socket().getRemoteSocketAddress(),
                    e.getMessage());
            try {
                connection.socket().close();
            } catch (IOException ignored) {
                // the connection is unusable either way
            }
        }
    }

    @Override
    public void cancel(int processId, int secretKey) {
        Backend backend = backends.get(processId);
        if (backend != null && backend.secretKey == secretKey) {
            backend.interrupts.requestCancel();
        } else {
            LOG.debug("ignoring cancel request for unknown backend {}", processId);
        }
    }

    @Override
    public boolean cancelStatement(int processId) {
        Backend backend = backends.get(processId);
        if (backend == null) {
            return false;
        }
        backend.interrupts.requestCancel();
        return true;
    }

    @Override
    public List<SessionInfo> sessions() {
        List<SessionInfo> infos = new ArrayList<>();
        for (Backend backend : backends.values()) {
            infos.add(backend.info());
        }
        return infos;
    }

    @Override
    public boolean terminate(int processId) {
        Backend backend = backends.get(processId);
        if (backend == null) {
            return false;
        }
        backend.terminate();
        return true;
    }

    @Override
    public SqlParser parser() {
        return parser;
    }

    @Override
    public Planner planner() {
        return planner;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public SharedStorage storage() {
        return storage;
    }

    @Override
    public RoleCatalog roles() {
        return roles;
    }

    @Override
    public HbaConfiguration hba() {
        return hba;
    }

    @Override
    public long connectionsOf(String role, int except) {
        return backends.entrySet().stream()
                .filter(entry -> entry.getKey() != except && entry.getValue().authenticatedAs(role)).count();
    }

    @Override
    public AuditLog audit() {
        return audit;
    }
}
