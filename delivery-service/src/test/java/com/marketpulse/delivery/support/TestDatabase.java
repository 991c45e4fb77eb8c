package com.marketpulse.delivery.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.flywaydb.core.Flyway;

/**
 * One real embedded PostgreSQL per test JVM with api-service's own migrations (from the sibling module) applied to
 * schema {@code api}, as the API's Flyway creates it: delivery-service reads those tables and migrates its own.
 */
public final class TestDatabase {

    static final Path API_MIGRATIONS = Path.of("..", "api-service", "src", "main", "resources", "db", "migration");
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres get() {
        if (postgres == null) {
            if (!Files.isDirectory(API_MIGRATIONS)) {
                throw new IllegalStateException("api-service migrations not found at "
                        + API_MIGRATIONS.toAbsolutePath());
            }
            try {
                postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .schemas("api")
                    .defaultSchema("api")
                    .locations("filesystem:" + API_MIGRATIONS.toAbsolutePath())
                    .load()
                    .migrate();
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return get().getJdbcUrl("postgres", "postgres");
    }
}
