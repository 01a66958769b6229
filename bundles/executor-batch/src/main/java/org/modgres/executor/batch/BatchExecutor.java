package org.modgres.executor.batch;

import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.LongAdder;

import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.exec.Executor;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.Plan;
import org.modgres.executor.impl.PlanRunner;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor that runs a query's scans, filters, projections, aggregates and inner joins a
 * batch of rows at a time, with vector kernels for the commonest conditions, and the rest of
 * each plan on the default executor's row operators. DDL and DML run as in the default
 * executor. It outranks the default, so deploying this bundle switches new statements to it.
 */
@Component(service = Executor.class, property = "service.ranking:Integer=10")
public final class BatchExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchExecutor.class);

    private final LongAdder queries = new LongAdder();
    private final PlanRunner runner = new PlanRunner((root, resources) -> {
        queries.increment();
        return new BatchPlanBuilder(resources).rows(root);
    });

    @Override
    public String name() {
        return "batch";
    }

    @Override
    public RowCursor execute(Plan plan, ExecutionContext context) {
        return runner.execute(plan, context);
    }

    /**
     * Loads every class of the bundle now. A statement that started on this executor finishes on
     * it even when the bundle is updated or stopped meanwhile, and from then on the bundle's class
     * loader loads nothing more: a class first needed then would fail the statement.
     */
    @Activate
    void loadClasses(BundleContext context) {
        Bundle bundle = context.getBundle();
        Enumeration<URL> classes = bundle.findEntries("org/modgres", "*.class", true);
        int loaded = 0;
        while (classes != null && classes.hasMoreElements()) {
            String path = classes.nextElement().getPath();
            String name = path.substring(path.startsWith("/") ? 1 : 0, path.length() - ".class".length())
                    .replace('/', '.');
            try {
                bundle.loadClass(name);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("batch executor could not load {} ahead: {}", name, e.toString());
            }
        }
        LOG.debug("batch executor loaded {} classes ahead", loaded);
    }

    @Deactivate
    void stop() {
        LOG.info("batch executor stopped after running {} queries", queries.sum());
    }
}
