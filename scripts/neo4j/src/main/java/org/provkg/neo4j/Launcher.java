package org.provkg.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs the Neo4j community DBMS in this JVM with Bolt on 127.0.0.1, for scripts/neo4j.sh.
 *
 * <p>Usage: {@code Launcher HOME CONF PORT READY_FILE}; the password for user {@code neo4j} comes
 * from the environment variable {@code PROVKG_NEO4J_LAUNCHER_PASSWORD} so that it never shows in
 * {@code ps}. The ready file (the Bolt port) is written only once both databases answer, and is
 * removed again on shutdown, so its presence means "accepting queries".
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Launcher HOME CONF PORT READY_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path conf = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        Path ready = Path.of(args[3]).toAbsolutePath();
        String password = System.getenv("PROVKG_NEO4J_LAUNCHER_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("PROVKG_NEO4J_LAUNCHER_PASSWORD must hold a password of 8 or more characters");
            System.exit(2);
        }
        Files.deleteIfExists(ready);

        String address = "127.0.0.1:" + port;
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                // the address is chosen per start (a free port), so it cannot live in the file
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // the script removes it too
            }
            dbms.shutdown();
            stopped.countDown();
        }, "provkg-neo4j-shutdown"));

        // a fresh random password each start: the old one, left in an old env file, stops working
        GraphDatabaseService system = dbms.database("system");
        system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password));
        dbms.database("neo4j").executeTransactionally("RETURN 1");

        Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(tmp, port + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("provkg-neo4j: Bolt on " + address + ", home " + home);
        stopped.await();
    }
}
