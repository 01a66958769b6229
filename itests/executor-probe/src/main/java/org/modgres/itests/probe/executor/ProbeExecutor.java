package org.modgres.itests.probe.executor;

import java.util.concurrent.atomic.AtomicLong;

import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.exec.Executor;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.Plan;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor that outranks the default one and counts the statements it runs, so that a test
 * sees which executor served each phase. It runs plans through the best other executor, which
 * keeps it short while exercising the swap path of a real executor bundle.
 */
@Component(service = Executor.class, property = {"service.ranking:Integer=100", "modgres.executor=probe"})
public final class ProbeExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeExecutor.class);

    private final Executor delegate;
    private final AtomicLong executed = new AtomicLong();

    @Activate
    public ProbeExecutor(@Reference(target = "(!(modgres.executor=probe))") Executor delegate) {
        this.delegate = delegate;
        LOG.info("probe executor active, delegating to {}", delegate.name());
    }

    @Deactivate
    void deactivate() {
        LOG.info("probe executor stopped after running {} statements", executed.get());
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public RowCursor execute(Plan plan, ExecutionContext context) {
        executed.incrementAndGet();
        return delegate.execute(plan, context);
    }
}
