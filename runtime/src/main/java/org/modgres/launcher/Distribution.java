package org.modgres.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The folders of an installed Modgres, laid out as Karaf users know them.
 *
 * @param home the folder holding {@code bin/}, {@code etc/}, {@code lib/}, {@code system/} and {@code deploy/}
 */
record Distribution(Path home) {

    /** Overrides where the launcher thinks it is installed; tests and unusual layouts use it. */
    static final String HOME_PROPERTY = "modgres.home";

    Distribution {
        home = home.toAbsolutePath().normalize();
    }

    /** Finds the distribution from {@code -Dmodgres.home}, or else from the launcher jar in {@code lib/}. */
    static Distribution locate() throws LaunchException {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null) {
            return new Distribution(Path.of(configured));
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = Objects.requireNonNull(jar.getParent(), "launcher jar has no folder");
            return new Distribution(Objects.requireNonNull(lib.getParent(), "lib/ has no parent folder"));
        } catch (URISyntaxException | RuntimeException e) {
            throw new LaunchException("cannot tell where Modgres is installed; set -D" + HOME_PROPERTY, e);
        }
    }

    /** Configuration: modgres.properties, logback.xml and the Config Admin files FileInstall watches. */
    Path etc() {
        return home.resolve("etc");
    }

    /** Bundles in Maven layout, and {@code features/*.json}. */
    Path system() {
        return home.resolve("system");
    }

    Path features() {
        return system().resolve("features");
    }

    /** Hot deployment: bundles dropped here are installed and started, removed ones uninstalled. */
    Path deploy() {
        return home.resolve("deploy");
    }

    /** Felix's bundle cache, rebuilt at every start. */
    Path cache() {
        return home.resolve("cache");
    }

    /** The data directory when {@code -D} is not given. */
    Path defaultDataDirectory() {
        return home.resolve("data");
    }
}
