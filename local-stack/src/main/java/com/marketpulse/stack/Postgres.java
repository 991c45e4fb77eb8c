package com.marketpulse.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, running as its own processes (a postmaster
 * and its backends). Its cluster lives in the data directory and is kept across restarts; the MarketPulse database
 * is created on first start, and at every start the services' own roles and schemas are brought to what
 * {@link DatabaseRoles} grants (each service connects with its own role, never as the superuser).
 */
final class Postgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Postgres.class);

    private final Path dataDirectory;
    private final int port;
    private volatile EmbeddedPostgres server;

    private Postgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static Postgres start(Path dataDirectory, int port, String password) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        Postgres postgres = new Postgres(dataDirectory, port);
        postgres.restart();
        try {
            postgres.createDatabaseOnce();
            postgres.grantRoles(password);
        } catch (SQLException | RuntimeException e) {
            // a server without its roles is of no use to the services; stop it rather than leave it holding the port
            postgres.close();
            throw e;
        }
        log.info("PostgreSQL roles {} granted", Service.databaseRoles());
        return postgres;
    }

    /** Starts the server again on the same cluster (after {@link #kill()} or {@link #close()}). */
    void restart() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
        log.info("PostgreSQL (postmaster pid {}) listening on localhost:{}, database '{}', data in {}",
                postmaster().map(ProcessHandle::pid).orElse(-1L), port, StackSettings.DATABASE, dataDirectory);
    }

    Optional<ProcessHandle> postmaster() {
        return postmasterOf(dataDirectory);
    }

    /** The running postmaster of a cluster, from the first line of {@code postmaster.pid} in its directory. */
    static Optional<ProcessHandle> postmasterOf(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Kills the postmaster and every backend at once (SIGKILL), as a crash of the machine's database would, and
     * waits until they are gone (a backend left behind would keep the shared memory and block the restart).
     */
    void kill() {
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(postmaster.get().descendants().toList());
        all.addFirst(postmaster.get());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join());
        releaseLock();
        log.info("PostgreSQL killed (postmaster pid {})", postmaster.get().pid());
    }

    /**
     * The killed server's handle still holds its file lock on the cluster in this JVM, which would refuse
     * {@link #restart()} on the same directory: closing the handle releases it (its pg_ctl stop finds no server and
     * only logs that).
     */
    private void releaseLock() {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Could not release the killed PostgreSQL's lock: {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        Optional<ProcessHandle> postmaster = postmaster();
        try {
            // pg_ctl stop -m fast, waiting at most a few seconds
            server.close();
        } finally {
            // a postmaster that did not stop in time must not outlive the stack (Ctrl-C ends every process)
            postmaster.filter(ProcessHandle::isAlive).ifPresent(p -> kill());
        }
        log.info("PostgreSQL stopped");
    }

    /** The database belongs to the superuser: a service's role can neither create schemas nor drop others'. */
    private void createDatabaseOnce() throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", StackSettings.DATABASE)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + StackSettings.DATABASE);
                }
                log.info("Created database '{}'", StackSettings.DATABASE);
            }
        }
    }

    /** The local stack gives every role its one password (MARKETPULSE_DB_PASSWORD): it only listens on localhost. */
    private void grantRoles(String password) throws SQLException {
        try (Connection connection = server.getDatabase("postgres", StackSettings.DATABASE).getConnection()) {
            DatabaseRoles.apply(connection, Map.of(DatabaseRoles.DETECTION_PASSWORD, password,
                    DatabaseRoles.API_PASSWORD, password, DatabaseRoles.DELIVERY_PASSWORD, password));
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
