package org.modgres.shell.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.exec.Executor;
import org.modgres.api.plan.Planner;
import org.modgres.api.plan.PlannerRuleProvider;
import org.modgres.api.session.SessionInfo;
import org.modgres.api.session.SessionManager;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.type.PgType;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gogo commands in the {@code modgres} scope: what serves statements (planners, executors, planner
 * rules, functions, each with its bundle), which backends run, ending them, and checkpoints. A thin adapter over the services; it holds no state of its own.
 */
@Component(service = ModgresCommands.class, property = {
        "osgi.command.scope=modgres",
        "osgi.command.function=planners",
        "osgi.command.function=executors",
        "osgi.command.function=rules",
        "osgi.command.function=functions",
        "osgi.command.function=checkpoint",
        "osgi.command.function=sessions",
        "osgi.command.function=cancel",
        "osgi.command.function=terminate"})
public final class ModgresCommands {

    private final SessionManager sessions;
    private final SharedStorage storage;
    private final Map<ServiceReference<Planner>, Planner> planners = new ConcurrentSkipListMap<>();
    private final Map<ServiceReference<Executor>, Executor> executors = new ConcurrentSkipListMap<>();
    private final Map<ServiceReference<PlannerRuleProvider>, PlannerRuleProvider> rules =
            new ConcurrentSkipListMap<>();
    private final Map<ServiceReference<SystemFunction>, SystemFunction> functions = new ConcurrentSkipListMap<>();

    @Activate
    public ModgresCommands(@Reference SessionManager sessions, @Reference SharedStorage storage) {
        this.sessions = sessions;
        this.storage = storage;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRuleProvider(ServiceReference<PlannerRuleProvider> reference, PlannerRuleProvider provider) {
        rules.put(reference, provider);
    }

    void removeRuleProvider(ServiceReference<PlannerRuleProvider> reference) {
        rules.remove(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFunction(ServiceReference<SystemFunction> reference, SystemFunction function) {
        functions.put(reference, function);
    }

    void removeFunction(ServiceReference<SystemFunction> reference) {
        functions.remove(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlanner(ServiceReference<Planner> reference, Planner planner) {
        planners.put(reference, planner);
    }

    void removePlanner(ServiceReference<Planner> reference) {
        planners.remove(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExecutor(ServiceReference<Executor> reference, Executor executor) {
        executors.put(reference, executor);
    }

    void removeExecutor(ServiceReference<Executor> reference) {
        executors.remove(reference);
    }

    /** Lists the planners, the one serving new statements first. */
    public List<String> planners() {
        return describe(planners);
    }

    /** Lists the executors, the one serving new statements first. */
    public List<String> executors() {
        return describe(executors);
    }

    /** Lists the planner-rule providers with their rules, in the order the planner runs them. */
    public List<String> rules() {
        List<String> lines = new ArrayList<>();
        rules.forEach((reference, provider) -> {
            lines.add(String.format("%-24s bundle %s", provider.name(), bundleOf(reference)));
            provider.rules().forEach(rule -> lines.add("    " + rule));
        });
        return lines;
    }

    /** Lists the functions bundles added, with their signatures and bundles. */
    public List<String> functions() {
        List<String> lines = new ArrayList<>();
        functions.forEach((reference, function) -> lines.add(String.format("%-40s bundle %s",
                function.name() + function.parameterTypes().stream().map(PgType::typname)
                        .collect(Collectors.joining(", ", "(", ")")) + " " + function.returnType().typname(),
                bundleOf(reference))));
        return lines;
    }

    /** Takes a checkpoint now, as the CHECKPOINT command does. */
    public String checkpoint() {
        return storage.checkpoint() ? "checkpoint complete" : "nothing to checkpoint: no change since the last one";
    }

    private static String bundleOf(ServiceReference<?> reference) {
        return reference.getBundle() == null ? "(gone)" : reference.getBundle().getSymbolicName();
    }

    /** Lists the running backends as pg_stat_activity would. */
    public List<String> sessions() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-8s %-10s %-10s %-24s %-22s %s", "pid", "user", "database", "application",
                "state", "query"));
        for (SessionInfo s : sessions.sessions()) {
            lines.add(String.format("%-8d %-10s %-10s %-24s %-22s %s", s.processId(), s.user(), s.database(),
                    s.applicationName(), s.state(), s.query()));
        }
        return lines;
    }

    /** Cancels the running statement of a backend (pg_cancel_backend). */
    public String cancel(int processId) {
        return sessions.cancelStatement(processId) ? "cancel requested for " + processId : "no backend " + processId;
    }

    /** Ends a backend (pg_terminate_backend). */
    public String terminate(int processId) {
        return sessions.terminate(processId) ? "terminated " + processId : "no backend " + processId;
    }

    /** Service references sort by ranking ascending; the greatest one serves, so list it first. */
    private static <S> List<String> describe(Map<ServiceReference<S>, S> services) {
        List<String> lines = new ArrayList<>();
        List<ServiceReference<S>> references = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(references);
        boolean first = true;
        for (ServiceReference<S> reference : references) {
            S service = services.get(reference);
            if (service == null) {
                continue;
            }
            Object ranking = reference.getProperty("service.ranking");
            lines.add(String.format("%s %-12s ranking %-5s bundle %s", first ? "*" : " ",
                    service instanceof Planner p ? p.name() : ((Executor) service).name(),
                    ranking == null ? "0" : ranking, bundleOf(reference)));
            first = false;
        }
        return lines;
    }
}
