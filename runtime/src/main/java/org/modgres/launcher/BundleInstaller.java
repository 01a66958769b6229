package org.modgres.launcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Installs boot bundles from {@code system/}, gives them their start levels, and starts them. */
final class BundleInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(BundleInstaller.class);

    private final BundleContext context;

    BundleInstaller(BundleContext context) {
        this.context = context;
    }

    /** An installed boot bundle. */
    record Installed(BootBundle boot, Bundle bundle) {
    }

    /**
     * Installs the bundles in order and marks them persistently started: each starts when the framework
     * reaches its start level, or at once if it already has.
     */
    List<Installed> install(List<BootBundle> bundles) throws LaunchException {
        List<Installed> installed = new ArrayList<>();
        for (BootBundle boot : bundles) {
            // "reference:" makes Felix use the jar in system/ where it is instead of copying it into the cache.
            String location = "reference:" + boot.file().toUri();
            try {
                Bundle bundle = context.getBundle(location);
                if (bundle == null) {
                    bundle = context.installBundle(location);
                }
                bundle.adapt(BundleStartLevel.class).setStartLevel(boot.startLevel());
                installed.add(new Installed(boot, bundle));
                LOG.debug("Installed {} {} from feature {} at start level {}", bundle.getSymbolicName(),
                        bundle.getVersion(), boot.feature(), boot.startLevel());
            } catch (BundleException | RuntimeException e) {
                throw new LaunchException("could not install " + boot.artifact() + " (feature " + boot.feature()
                        + ") from " + boot.file() + ": " + e.getMessage(), e);
            }
        }
        return installed;
    }

    /** Resolves the bundles together, so that one resolver run sees them all. */
    void resolve(List<Installed> installed) {
        context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class)
                .resolveBundles(installed.stream().map(Installed::bundle).toList());
    }

    /**
     * Starts the bundles that are not active yet, lowest start level first; fragments are left alone. Bundles
     * the framework already tried to start are tried again, which yields the reason they failed.
     *
     * @return one line per bundle that did not start, naming it, its feature and the reason
     */
    List<String> start(List<Installed> installed) {
        List<String> failures = new ArrayList<>();
        List<Installed> ordered = installed.stream()
                .sorted(Comparator.comparingInt(candidate -> candidate.boot().startLevel()))
                .toList();
        for (Installed candidate : ordered) {
            Bundle bundle = candidate.bundle();
            if (isFragment(bundle) || bundle.getState() == Bundle.ACTIVE) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                failures.add(describe(candidate) + ": " + reason(e));
            }
        }
        return failures;
    }

    private static boolean isFragment(Bundle bundle) {
        return (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String describe(Installed installed) {
        Bundle bundle = installed.bundle();
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + installed.boot().artifact() + ", feature "
                + installed.boot().feature() + ")";
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause();
        return cause == null || cause == e ? e.getMessage() : e.getMessage() + " " + cause;
    }
}
