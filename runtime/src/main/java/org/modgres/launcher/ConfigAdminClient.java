package org.modgres.launcher;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Calls the Config Admin service from outside the framework.
 *
 * <p>The launcher's class loader cannot share {@code org.osgi.service.cm} with the bundles: that package
 * belongs to the Config Admin bundle, and exporting a second copy from the system bundle would let the two
 * disagree. So the launcher calls the few methods it needs reflectively, through the interfaces as the Config
 * Admin bundle loads them.
 */
final class ConfigAdminClient implements AutoCloseable {

    static final String SERVICE = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String CONFIGURATION = "org.osgi.service.cm.Configuration";
    /** Binds a configuration to whichever bundle registers the PID (multi-location, Config Admin 1.4+). */
    private static final String ANY_LOCATION = "?";

    private final ServiceTracker<Object, Object> tracker;
    private final Object admin;
    private final Method getConfiguration;
    private final Method getFactoryConfiguration;
    private final Method listConfigurations;
    private final Method getProperties;
    private final Method update;

    private ConfigAdminClient(ServiceTracker<Object, Object> tracker, ServiceReference<Object> reference, Object admin)
            throws ReflectiveOperationException {
        this.tracker = tracker;
        this.admin = admin;
        Class<?> adminType = reference.getBundle().loadClass(SERVICE);
        Class<?> configurationType = reference.getBundle().loadClass(CONFIGURATION);
        getConfiguration = adminType.getMethod("getConfiguration", String.class, String.class);
        getFactoryConfiguration = adminType.getMethod("getFactoryConfiguration",
                String.class, String.class, String.class);
        listConfigurations = adminType.getMethod("listConfigurations", String.class);
        getProperties = configurationType.getMethod("getProperties");
        update = configurationType.getMethod("update", Dictionary.class);
    }

    /**
     * Waits for the Config Admin service.
     *
     * @throws LaunchException if it does not appear within the timeout
     */
    static ConfigAdminClient await(BundleContext context, long timeoutMillis) throws LaunchException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, SERVICE, null);
        // All services, not only those whose class the system bundle's loader sees as the bundles do: the
        // launcher uses none of the service's classes directly.
        tracker.open(true);
        try {
            Object admin = tracker.waitForService(timeoutMillis);
            ServiceReference<Object> reference = tracker.getServiceReference();
            if (admin == null || reference == null) {
                throw new LaunchException("the Config Admin service did not appear within " + timeoutMillis
                        + " ms; is org.apache.felix.configadmin in the platform feature?");
            }
            return new ConfigAdminClient(tracker, reference, admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tracker.close();
            throw new LaunchException("interrupted while waiting for Config Admin", e);
        } catch (ReflectiveOperationException e) {
            tracker.close();
            throw new LaunchException("the Config Admin bundle does not provide the Config Admin 1.6 API: " + e, e);
        } catch (LaunchException e) {
            tracker.close();
            throw e;
        }
    }

    /**
     * Returns a configuration's properties, or empty if it has none yet. A {@code factoryPid~name} PID names a
     * factory configuration, as in feature descriptors.
     */
    Optional<Map<String, Object>> properties(String pid) throws LaunchException {
        Object properties = invoke(getProperties, configuration(pid));
        if (properties == null) {
            return Optional.empty();
        }
        Map<String, Object> copy = new HashMap<>();
        Dictionary<?, ?> dictionary = (Dictionary<?, ?>) properties;
        for (Enumeration<?> keys = dictionary.keys(); keys.hasMoreElements();) {
            Object key = keys.nextElement();
            copy.put(key.toString(), dictionary.get(key));
        }
        return Optional.of(copy);
    }

    /** Sets a configuration's properties; Config Admin then hands them to whoever registered the PID. */
    void update(String pid, Map<String, Object> properties) throws LaunchException {
        invoke(update, configuration(pid), new Hashtable<>(properties));
    }

    /** Returns whether any configuration matches the LDAP filter. */
    boolean anyMatches(String filter) throws LaunchException {
        // The specification says null when nothing matches; Felix's implementation may return an empty array.
        Object matches = invoke(listConfigurations, admin, filter);
        return matches != null && Array.getLength(matches) > 0;
    }

    private Object configuration(String pid) throws LaunchException {
        int tilde = pid.indexOf('~');
        if (tilde < 0) {
            return invoke(getConfiguration, admin, pid, ANY_LOCATION);
        }
        return invoke(getFactoryConfiguration, admin, pid.substring(0, tilde), pid.substring(tilde + 1), ANY_LOCATION);
    }

    private static Object invoke(Method method, Object target, Object... arguments) throws LaunchException {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw new LaunchException("Config Admin " + method.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new LaunchException("cannot call Config Admin " + method.getName() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        tracker.close();
    }
}
