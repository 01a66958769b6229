package org.modgres.launcher;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Asks Declarative Services which components of the boot bundles failed to activate: a bundle
 * starts even when its component's activation throws (a data directory in use, say), and the
 * server must not then run without it.
 *
 * <p>Reflective for the reason {@link ConfigAdminClient} is: {@code org.osgi.service.component.runtime}
 * belongs to the SCR bundle, not to the launcher's class path.
 */
final class ComponentFailures {

    static final String SERVICE = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final String DESCRIPTION = "org.osgi.service.component.runtime.dto.ComponentDescriptionDTO";
    /** {@code ComponentConfigurationDTO.FAILED_ACTIVATION}, Declarative Services 1.4. */
    private static final int FAILED_ACTIVATION = 16;
    private static final String CAUSED_BY = "Caused by: ";

    private ComponentFailures() {
    }

    /**
     * Returns one line per component configuration of the bundles that failed to activate, naming
     * the component and the exception's message; empty when there is no SCR.
     *
     * @param bundles the bundles to look at, in start order
     */
    static List<String> of(BundleContext context, List<Bundle> bundles) throws LaunchException {
        ServiceReference<?>[] references;
        try {
            // all references, as the launcher does not share the service's package with SCR
            references = context.getAllServiceReferences(SERVICE, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (references == null || references.length == 0) {
            return List.of();
        }
        ServiceReference<?> reference = references[0];
        Object runtime = context.getService(reference);
        if (runtime == null) {
            return List.of();
        }
        try {
            Class<?> runtimeType = reference.getBundle().loadClass(SERVICE);
            Class<?> descriptionType = reference.getBundle().loadClass(DESCRIPTION);
            Method descriptions = runtimeType.getMethod("getComponentDescriptionDTOs", Bundle[].class);
            Method configurations = runtimeType.getMethod("getComponentConfigurationDTOs", descriptionType);
            List<String> failures = new ArrayList<>();
            // bundle by bundle in start order, so that a failure comes before those of the components needing it
            for (Bundle bundle : bundles) {
                Object[] arguments = {new Bundle[] {bundle}};
                for (Object description : (Collection<?>) descriptions.invoke(runtime, arguments)) {
                    for (Object configuration : (Collection<?>) configurations.invoke(runtime, description)) {
                        if (field(configuration, "state") instanceof Integer state && state == FAILED_ACTIVATION) {
                            failures.add("component " + field(description, "name") + " did not activate: "
                                    + reason((String) field(configuration, "failure")));
                        }
                    }
                }
            }
            return failures;
        } catch (InvocationTargetException e) {
            throw new LaunchException("Declarative Services did not describe the components: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new LaunchException("the SCR bundle does not provide the Declarative Services 1.4 runtime API: " + e,
                    e);
        } finally {
            context.ungetService(reference);
        }
    }

    private static Object field(Object dto, String name) throws ReflectiveOperationException {
        Field field = dto.getClass().getField(name);
        return field.get(dto);
    }

    /**
     * Returns the message of the deepest cause in the stack trace SCR keeps, without its class name:
     * the activation's own exception is wrapped by reflection and SCR.
     */
    static String reason(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        String line = failure.lines().findFirst().orElse(failure);
        for (String candidate : (Iterable<String>) failure.lines()::iterator) {
            if (candidate.startsWith(CAUSED_BY)) {
                line = candidate.substring(CAUSED_BY.length());
            }
        }
        int colon = line.indexOf(": ");
        boolean classNamePrefix = colon > 0 && line.substring(0, colon).matches("[\\w.$]+");
        return classNamePrefix ? line.substring(colon + 2) : line;
    }
}
