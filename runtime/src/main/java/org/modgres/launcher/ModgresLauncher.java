package org.modgres.launcher;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots Felix with the boot features, and stops it.
 *
 * <p>Boot order, and why:
 * <ol>
 * <li>Install the platform bundles (start level 1: Config Admin, SCR, FileInstall) and start the framework;
 * FileInstall begins loading {@code etc/}.</li>
 * <li>Wait until Config Admin holds the {@code etc/} files, then apply the features' configurations, so that
 * no server component activates on defaults and is reconfigured a moment later.</li>
 * <li>Install the other bundles, resolve them together, start them by start level. Any failure stops the
 * boot with one line per bundle, and so does a component of theirs that failed to activate (the
 * shared storage cannot take its data directory, say).</li>
 * <li>Only then let FileInstall watch {@code deploy/}: a bundle dropped there before boot finds the server's
 * API and services in place, as it would when dropped later.</li>
 * </ol>
 */
final class ModgresLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ModgresLauncher.class);
    private static final long CONFIG_ADMIN_TIMEOUT_MILLIS = 10_000;
    private static final long ETC_FILES_TIMEOUT_MILLIS = 10_000;
    /** The FileInstall watcher of deploy/, created through FileInstall's managed service factory. */
    private static final String DEPLOY_WATCHER_PID = "org.apache.felix.fileinstall~deploy";

    private final Distribution distribution;
    private final Map<String, String> properties;
    private final AtomicBoolean shutdownStarted = new AtomicBoolean();
    private volatile Framework framework;

    /**
     * @param properties the framework properties, from {@link FrameworkProperties#assemble}
     */
    ModgresLauncher(Distribution distribution, Map<String, String> properties) {
        this.distribution = distribution;
        this.properties = Map.copyOf(properties);
    }

    /**
     * Boots the server and returns once every boot bundle is active.
     *
     * @param startNanos when the launcher started, for the startup time it logs
     * @throws LaunchException if a feature, bundle or configuration is missing or wrong, or a bundle does not
     *     resolve or start; the framework may be running and must be stopped with {@link #stop}
     */
    void start(long startNanos) throws LaunchException, InterruptedException {
        int startLevel = FrameworkProperties.startLevel(properties);
        List<Feature> features = new FeatureReader(distribution.features())
                .readAll(FrameworkProperties.bootFeatures(properties));
        List<BootBundle> plan = BootBundle.plan(features, distribution.system(), startLevel, startLevel);
        List<BootBundle> platform = plan.stream().filter(ModgresLauncher::isPlatform).toList();
        List<BootBundle> server = plan.stream().filter(bundle -> !isPlatform(bundle)).toList();

        framework = newFramework();
        try {
            framework.init();
            BundleInstaller installer = new BundleInstaller(framework.getBundleContext());
            List<BundleInstaller.Installed> platformBundles = installer.install(platform);
            framework.start();
            failOnErrors(installer.start(platformBundles));

            BundleContext context = framework.getBundleContext();
            try (ConfigAdminClient admin = ConfigAdminClient.await(context, CONFIG_ADMIN_TIMEOUT_MILLIS)) {
                ConfigurationInstaller configurations = new ConfigurationInstaller(admin, distribution.etc());
                configurations.awaitEtcFiles(ETC_FILES_TIMEOUT_MILLIS);
                configurations.apply(features);

                List<BundleInstaller.Installed> serverBundles = installer.install(server);
                installer.resolve(serverBundles);
                failOnErrors(installer.start(serverBundles));
                failOnComponentErrors(ComponentFailures.of(context, serverBundles.stream()
                        .sorted(Comparator.comparingInt(installed -> installed.boot().startLevel()))
                        .map(BundleInstaller.Installed::bundle).toList()));

                admin.update(DEPLOY_WATCHER_PID, deployWatcher());
            }
        } catch (BundleException e) {
            throw new LaunchException("the OSGi framework did not start: " + e.getMessage(), e);
        }
        LOG.info("Modgres started in {} ms ({} bundles from features {})",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), plan.size(),
                String.join(", ", features.stream().map(Feature::name).toList()));
    }

    private static boolean isPlatform(BootBundle bundle) {
        return bundle.startLevel() <= FrameworkProperties.PLATFORM_START_LEVEL;
    }

    private Framework newFramework() throws LaunchException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchException(
                        "no OSGi framework on the class path (lib/org.apache.felix.framework-*.jar)"));
        Map<String, Object> configuration = new HashMap<>(properties);
        configuration.put("felix.log.logger", new FelixLogger());
        // Felix takes its logger as an object among the string properties; the factory's signature cannot say so.
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> felixConfiguration = (Map) configuration;
        return factory.newFramework(felixConfiguration);
    }

    private Map<String, Object> deployWatcher() {
        Map<String, Object> watcher = new HashMap<>();
        watcher.put("felix.fileinstall.dir", distribution.deploy().toString());
        for (String name : List.of(FrameworkProperties.FILEINSTALL_POLL, FrameworkProperties.FILEINSTALL_START_LEVEL)) {
            watcher.put(name, properties.get(name));
        }
        watcher.put("felix.fileinstall.noInitialDelay", "true");
        return watcher;
    }

    private static void failOnErrors(List<String> failures) throws LaunchException {
        if (!failures.isEmpty()) {
            throw new LaunchException((failures.size() == 1 ? "a bundle" : failures.size() + " bundles")
                    + " did not start:\n  " + String.join("\n  ", failures));
        }
    }

    private static void failOnComponentErrors(List<String> failures) throws LaunchException {
        if (!failures.isEmpty()) {
            throw new LaunchException(String.join("\n  ", failures));
        }
    }

    /**
     * Marks the shutdown as begun. Returns false if it already was, so that the shutdown hook and the main
     * thread do not both stop the framework.
     */
    boolean beginShutdown() {
        return shutdownStarted.compareAndSet(false, true);
    }

    /**
     * Stops the framework and waits for it: every bundle's deactivation runs, which for the server means
     * closing connections and a checkpoint.
     *
     * @return whether it stopped within the timeout
     */
    boolean stop(long timeoutMillis) throws InterruptedException {
        Framework running = framework;
        if (running == null) {
            return true;
        }
        try {
            running.stop();
        } catch (BundleException e) {
            LOG.error("Could not stop the OSGi framework", e);
            return false;
        }
        FrameworkEvent event = running.waitForStop(timeoutMillis);
        if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            LOG.error("The OSGi framework did not stop within {} ms", timeoutMillis);
            return false;
        }
        return true;
    }

    /** Returns the running framework's context, for tests; null before {@link #start}. */
    BundleContext bundleContext() {
        Framework running = framework;
        return running == null ? null : running.getBundleContext();
    }

    /** Waits until the framework stops, whoever stops it (a signal, or {@code stop 0} in the shell). */
    void awaitStop() throws InterruptedException {
        Framework running = framework;
        if (running != null) {
            running.waitForStop(0);
        }
    }
}
