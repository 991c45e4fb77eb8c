package com.marketpulse.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.flywaydb.core.Flyway;

/**
 * One real embedded PostgreSQL per test JVM, with detection-service's own migrations (from the sibling module)
 * applied to schema {@code detection}, exactly as detection-service's Flyway creates it in production.
 */
public final class TestDatabase {

    static final Path DETECTION_MIGRATIONS = Path.of("..", "detection-service", "src", "main", "resources", "db",
            "migration");
    static final Path DELIVERY_MIGRATIONS = Path.of("..", "delivery-service", "src", "main", "resources", "db",
            "migration");
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres get() {
        if (postgres == null) {
            postgres = startNew();
        }
        return postgres;
    }

    /** A database of its own, for a test that stops it; the caller closes it. */
    public static EmbeddedPostgres startNew() {
        if (!Files.isDirectory(DETECTION_MIGRATIONS)) {
            throw new IllegalStateException("detection-service migrations not found at "
                    + DETECTION_MIGRATIONS.toAbsolutePath());
        }
        EmbeddedPostgres started;
        try {
            started = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DataSource admin = started.getPostgresDatabase();
        Flyway.configure()
                .dataSource(admin)
                .schemas("detection")
                .defaultSchema("detection")
                .locations("filesystem:" + DETECTION_MIGRATIONS.toAbsolutePath())
                .load()
                .migrate();
        // delivery-service's schema: the API shows a channel's pause from it
        Flyway.configure()
                .dataSource(admin)
                .schemas("delivery")
                .defaultSchema("delivery")
                .locations("filesystem:" + DELIVERY_MIGRATIONS.toAbsolutePath())
                .load()
                .migrate();
        return started;
    }

    public static String jdbcUrl() {
        return get().getJdbcUrl("postgres", "postgres");
    }
}
