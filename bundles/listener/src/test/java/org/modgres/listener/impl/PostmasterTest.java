package org.modgres.listener.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modgres.api.session.ClientConnection;
import org.osgi.framework.BundleContext;

/** The component as DS activates it: settings from framework properties, TCP and Unix listeners, TLS. */
class PostmasterTest {

    @TempDir
    Path directory;

    private final RecordingSessions sessions = new RecordingSessions();
    private final Map<String, String> properties = new HashMap<>();
    private int port;

    @BeforeEach
    void choosePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        properties.put("modgres.port", String.valueOf(port));
        properties.put("modgres.data_directory", directory.toString());
        properties.put("modgres.unix_socket_directories", directory.toString());
    }

    private Postmaster activate() throws IOException {
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Postmaster(sessions, context, defaults());
    }

    private Path socketFile() {
        return directory.resolve(".s.PGSQL." + port);
    }

    @Test
    void serves_tcp_and_the_unix_socket_until_deactivated() throws Exception {
        Postmaster postmaster = activate();
        try {
            try (Socket tcp = new Socket("127.0.0.1", port)) {
                tcp.getOutputStream().write(Packets.startupMessage("user", "postgres"));
                ClientConnection connection = sessions.served.poll(5, TimeUnit.SECONDS);
                assertNotNull(connection);
                connection.socket().close();
            }
            try (SocketChannel unix = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                unix.connect(UnixDomainSocketAddress.of(socketFile()));
                Channels.newOutputStream(unix).write(Packets.startupMessage("user", "postgres"));
                ClientConnection connection = sessions.served.poll(5, TimeUnit.SECONDS);
                assertNotNull(connection);
                connection.socket().close();
            }
        } finally {
            postmaster.deactivate();
        }
        assertFalse(Files.exists(socketFile()));
        assertFalse(Files.exists(directory.resolve(".s.PGSQL." + port + ".lock")));
        assertPortFree();
    }

    @Test
    void a_socket_held_by_a_live_server_stops_the_start_and_frees_the_tcp_port() throws Exception {
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(directory.resolve(".s.PGSQL." + port + ".lock"), live.pid() + "\n");
            assertThrows(SocketLockFile.HeldByAnotherServer.class, this::activate);
            assertPortFree();
        } finally {
            live.destroy();
        }
    }

    @Test
    void an_unusable_socket_directory_is_skipped_when_another_one_works() throws Exception {
        properties.put("modgres.unix_socket_directories", directory.resolve("missing") + "," + directory);
        Postmaster postmaster = activate();
        try {
            assertTrue(Files.exists(socketFile()));
        } finally {
            postmaster.deactivate();
        }
    }

    @Test
    void no_usable_socket_directory_stops_the_start() {
        properties.put("modgres.unix_socket_directories", directory.resolve("missing").toString());
        IOException e = assertThrows(IOException.class, this::activate);
        assertEquals("could not create any Unix-domain sockets", e.getMessage());
    }

    @Test
    void ssl_on_in_a_new_data_directory_makes_a_self_signed_certificate_and_starts() throws Exception {
        properties.put("modgres.ssl", "on");
        properties.put("modgres.unix_socket_directories", "");
        Postmaster postmaster = activate();
        try {
            assertTrue(Files.exists(directory.resolve("server.crt")));
            assertTrue(Files.exists(directory.resolve("server.key")));
        } finally {
            postmaster.deactivate();
        }
    }

    @Test
    void ssl_on_with_a_certificate_but_no_key_stops_the_start() throws Exception {
        Files.copy(TestTls.resource("server.crt"), directory.resolve("server.crt"));
        properties.put("modgres.ssl", "on");
        IOException e = assertThrows(IOException.class, this::activate);
        assertTrue(e.getMessage().startsWith("could not load private key file \""
                + directory.resolve("server.key") + "\""), e.getMessage());
        assertFalse(Files.exists(directory.resolve("server.key")), "a key is never made for someone else's certificate");
    }

    @Test
    void ssl_on_with_the_files_in_the_data_directory_starts() throws Exception {
        Files.copy(TestTls.resource("server.crt"), directory.resolve("server.crt"));
        Files.copy(TestTls.resource("server-pkcs1.key"), directory.resolve("server.key"));
        properties.put("modgres.ssl", "on");
        properties.put("modgres.unix_socket_directories", "");
        Postmaster postmaster = activate();
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write(Packets.sslRequest());
            assertEquals('S', client.getInputStream().read());
        } finally {
            postmaster.deactivate();
        }
    }

    /** The listener waits for its accept loop, so that a new configuration can bind the same port at once. */
    private void assertPortFree() throws IOException {
        new ServerSocket(port).close();
    }

    /** The configuration with the defaults the component declares. */
    static Postmaster.Config defaults() {
        return new Postmaster.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Postmaster.Config.class;
            }

            @Override
            public int port() {
                return 5432;
            }

            @Override
            public String listen__addresses() {
                return "127.0.0.1";
            }

            @Override
            public String unix__socket__directories() {
                return "/tmp";
            }

            @Override
            public int max__connections() {
                return 100;
            }

            @Override
            public int authentication__timeout() {
                return 60;
            }

            @Override
            public String ssl() {
                return "off";
            }

            @Override
            public String ssl__cert__file() {
                return "server.crt";
            }

            @Override
            public String ssl__key__file() {
                return "server.key";
            }
        };
    }
}
