package org.modgres.session.impl.auth;

import java.net.InetAddress;
import java.util.List;

/**
 * One line of pg_hba.conf: which connections it is for and how they authenticate.
 *
 * @param line       its line number, for messages
 * @param text       the line as written, for the server log
 * @param type       the connection type
 * @param databases  the database field's entries
 * @param users      the user field's entries
 * @param network    the address it matches, or null for {@code local} and {@code all}
 * @param prefixBits the length of the network's mask, in bits
 * @param method     how to authenticate
 */
public record HbaRule(int line, String text, ConnectionType type, List<Entry> databases, List<Entry> users,
                      InetAddress network, int prefixBits, Method method) {

    /** The connection types of pg_hba.conf. */
    public enum ConnectionType {
        LOCAL, HOST, HOSTSSL, HOSTNOSSL, HOSTGSSENC, HOSTNOGSSENC
    }

    /** The authentication methods Modgres knows. */
    public enum Method {
        TRUST("trust"), REJECT("reject"), PASSWORD("password"), MD5("md5"), SCRAM_SHA_256("scram-sha-256");

        private final String keyword;

        Method(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }

        static Method of(String keyword) {
            for (Method method : values()) {
                if (method.keyword.equals(keyword)) {
                    return method;
                }
            }
            return null;
        }
    }

    /**
     * One entry of the database or user field.
     *
     * @param value  the name or keyword
     * @param quoted whether it was quoted, so that it is a name and never a keyword
     */
    public record Entry(String value, boolean quoted) {
        boolean keyword(String word) {
            return !quoted && value.equals(word);
        }
    }

    public HbaRule {
        databases = List.copyOf(databases);
        users = List.copyOf(users);
    }

    /**
     * Whether the line applies to a connection.
     *
     * @param local   a Unix-domain socket connection
     * @param ssl     a TCP connection over TLS
     * @param address the client's address; null for a local connection
     */
    public boolean matches(boolean local, boolean ssl, InetAddress address, String database, String user) {
        boolean typeMatches = switch (type) {
            case LOCAL -> local;
            case HOST, HOSTNOGSSENC -> !local;
            case HOSTSSL -> !local && ssl;
            case HOSTNOSSL -> !local && !ssl;
            case HOSTGSSENC -> false;
        };
        return typeMatches && (local || addressMatches(address)) && databaseMatches(database, user)
                && userMatches(user);
    }

    private boolean addressMatches(InetAddress address) {
        if (network == null) {
            return true;
        }
        byte[] client = address.getAddress();
        byte[] net = network.getAddress();
        if (client.length != net.length) {
            // an IPv4 client on an IPv6 socket shows as ::ffff:a.b.c.d
            if (client.length == 16 && net.length == 4 && isMappedIpv4(client)) {
                client = java.util.Arrays.copyOfRange(client, 12, 16);
            } else {
                return false;
            }
        }
        int bits = prefixBits;
        for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((client[i] & mask) != (net[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMappedIpv4(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private boolean databaseMatches(String database, String user) {
        for (Entry entry : databases) {
            if (entry.keyword("all") || entry.keyword("sameuser") && database.equals(user)
                    || entry.keyword("samerole") && database.equals(user)
                    || entry.keyword("samegroup") && database.equals(user)) {
                return true;
            }
            if (entry.keyword("replication")) {
                continue;
            }
            if (entry.value().equals(database)) {
                return true;
            }
        }
        return false;
    }

    private boolean userMatches(String user) {
        for (Entry entry : users) {
            if (entry.keyword("all")) {
                return true;
            }
            // +role: the members of a role; without role membership yet, the role itself
            String name = !entry.quoted() && entry.value().startsWith("+") ? entry.value().substring(1)
                    : entry.value();
            if (name.equals(user)) {
                return true;
            }
        }
        return false;
    }
}
