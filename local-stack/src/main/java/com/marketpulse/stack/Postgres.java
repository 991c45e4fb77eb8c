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
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central. Its cluster lives in the data
 * directory and is kept across restarts; the MarketPulse database is created on first start, and at every start
 * the services' own roles and schemas are brought to what {@link DatabaseRoles} grants (each service connects with
 * its own role, never as the superuser).
 */
final class Postgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Postgres.class);

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start(Path dataDirectory, int port, String password) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
        Postgres postgres = new Postgres(server);
        try {
            postgres.createDatabaseOnce();
            postgres.grantRoles(password);
        } catch (SQLException | RuntimeException e) {
            // a server without its roles is of no use to the services; stop it rather than leave it holding the port
            server.close();
            throw e;
        }
        log.info("PostgreSQL listening on localhost:{}, database '{}' (roles {}), data in {}", port,
                StackSettings.DATABASE, Service.databaseRoles(), dataDirectory);
        return postgres;
    }

    @Override
    public void close() throws IOException {
        server.close();
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

    /** The local stack gives both roles its one password (MARKETPULSE_DB_PASSWORD): it only listens on localhost. */
    private void grantRoles(String password) throws SQLException {
        try (Connection connection = server.getDatabase("postgres", StackSettings.DATABASE).getConnection()) {
            DatabaseRoles.apply(connection, Map.of(DatabaseRoles.DETECTION_PASSWORD, password,
                    DatabaseRoles.API_PASSWORD, password));
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
