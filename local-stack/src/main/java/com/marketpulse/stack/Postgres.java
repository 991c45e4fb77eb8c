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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central. Its cluster lives in the data
 * directory and is kept across restarts; the MarketPulse database and role are created on first start.
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
        postgres.createDatabaseOnce(password);
        log.info("PostgreSQL listening on localhost:{}, database '{}', data in {}", port, StackSettings.DATABASE,
                dataDirectory);
        return postgres;
    }

    @Override
    public void close() throws IOException {
        server.close();
        log.info("PostgreSQL stopped");
    }

    private void createDatabaseOnce(String password) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", StackSettings.DATABASE_USER)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + StackSettings.DATABASE_USER + " LOGIN PASSWORD '"
                            + password.replace("'", "''") + "'");
                }
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", StackSettings.DATABASE)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + StackSettings.DATABASE + " OWNER " + StackSettings.DATABASE_USER);
                }
                log.info("Created database '{}' owned by '{}'", StackSettings.DATABASE, StackSettings.DATABASE_USER);
            }
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
