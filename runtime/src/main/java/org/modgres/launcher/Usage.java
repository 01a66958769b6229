package org.modgres.launcher;

/** The texts of {@code --help} and {@code --version}, worded after postgres's. */
final class Usage {

    private Usage() {
    }

    static String help() {
        return """
                modgres is the Modgres server, a PostgreSQL-compatible SQL server.

                Usage:
                  modgres [OPTION]...

                Options:
                  -c NAME=VALUE      set run-time parameter
                  -D DATADIR         database directory (default: data/ in the installation)
                  -h HOSTNAME        host name or IP address to listen on (default: 127.0.0.1)
                  -k DIRECTORY       Unix-domain socket location
                  -p PORT            port number to listen on (default: 5432)
                  -V, --version      output version information, then exit
                  --NAME=VALUE       set run-time parameter
                  -?, --help         show this help, then exit

                Options given here override the configuration in etc/.
                Boot features are listed in etc/modgres.properties.""";
    }

    /** Returns the version the launcher jar was built as. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "(unknown version)";
    }
}
