package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services' least-privilege roles on a real PostgreSQL, provisioned by the local stack's {@link Postgres} from the
 * script compose mounts into the postgres image ({@code docker/postgres/marketpulse-roles.sql}); each service then
 * migrates its schema with its own Flyway migrations, as its own role, as it does when it starts.
 */
class DatabaseRolesIT {

    private static final String PASSWORD = "a-local-test-password";
    private static final String DETECTION = Service.DETECTION.databaseRole().orElseThrow();
    private static final String API = Service.API.databaseRole().orElseThrow();
    private static final String DELIVERY = Service.DELIVERY.databaseRole().orElseThrow();
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @TempDir
    static Path data;
    private static Postgres postgres;
    private static int port;

    @BeforeAll
    static void startAndMigrate() throws Exception {
        port = FreePorts.settings(data).postgresPort();
        postgres = Postgres.start(data.resolve("postgres"), port, PASSWORD);
        migrate("detection-service", DETECTION, "detection");
        migrate("api-service", API, "api");
        migrate("delivery-service", DELIVERY, "delivery");
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachServiceOwnsItsSchemaAndItsTablesAndNeitherIsASuperuser() throws SQLException {
        assertThat(single("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'detection'"))
                .isEqualTo(DETECTION);
        assertThat(single("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'api'")).isEqualTo(API);
        assertThat(single("SELECT tableowner FROM pg_tables WHERE schemaname = 'detection' AND tablename = 'alerts'"))
                .isEqualTo(DETECTION);
        assertThat(single("SELECT tableowner FROM pg_tables WHERE schemaname = 'api' AND tablename = 'users'"))
                .isEqualTo(API);
        assertThat(single("SELECT count(*) FROM pg_roles WHERE rolname IN ('" + DETECTION + "', '" + API
                + "') AND (rolsuper OR rolcreatedb OR rolcreaterole)")).isEqualTo("0");
    }

    @Test
    void theApiReadsDetectionsTables() throws SQLException {
        asDetection("""
                INSERT INTO bars (symbol, start_time, end_time, open, high, low, close, volume, trades)
                VALUES ('BTC/USD', '2026-12-03T10:00Z', '2026-12-03T10:01Z', 1, 1, 1, 1, 0, 0)""");
        try (Connection api = connect(API); Statement statement = api.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM detection.alerts").close();
            statement.executeQuery("SELECT count(*) FROM detection.models").close();
            // the backtests' tables (issue 14): the API scores a run's alerts against its labels
            statement.executeQuery("SELECT count(*) FROM detection.backtest_runs").close();
            statement.executeQuery("SELECT count(*) FROM detection.backtest_labels").close();
            try (ResultSet bars = statement.executeQuery("SELECT symbol FROM detection.bars")) {
                assertThat(bars.next()).isTrue();
                assertThat(bars.getString(1)).isEqualTo("BTC/USD");
            }
        }
    }

    @Test
    void theApiCannotWriteDetectionsAlertsOrModelsNorCreateAnythingThere() {
        assertDenied(() -> asApi("""
                INSERT INTO detection.alerts (alert_id, symbol, type, direction, severity, level, event_time, end_time,
                    price, score, model_version, explanation, detected_at, updated_at)
                VALUES ('fake', 'BTC/USD', 'PRICE_SPIKE', 'UP', 100, 'CRITICAL', now(), now(), 1, 1, 'v1',
                    'a fake alert every dashboard would show', now(), now())"""));
        assertDenied(() -> asApi("""
                INSERT INTO detection.models (source, trained_at, training_rows, trees, features, forest)
                VALUES ('bootstrap', now(), 2, 1, 'x', '\\x00')"""));
        assertDenied(() -> asApi("UPDATE detection.alerts SET explanation = 'changed'"));
        assertDenied(() -> asApi("DELETE FROM detection.models"));
        assertDenied(() -> asApi("DELETE FROM detection.backtest_runs"));
        assertDenied(() -> asApi("UPDATE detection.backtest_labels SET magnitude = 0"));
        assertDenied(() -> asApi("TRUNCATE detection.bars"));
        assertDenied(() -> asApi("CREATE TABLE detection.planted (id INT)"));
        assertDenied(() -> asApi("CREATE FUNCTION detection.planted() RETURNS INT LANGUAGE SQL AS 'SELECT 1'"));
    }

    @Test
    void deliveryOwnsItsSchemaAndOnlyReadsWhoHoldsWhatAndWhereToSend() throws SQLException {
        assertThat(single("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'delivery'"))
                .isEqualTo(DELIVERY);
        assertThat(single("SELECT tableowner FROM pg_tables WHERE schemaname = 'delivery' AND tablename = "
                + "'deliveries'")).isEqualTo(DELIVERY);
        try (Connection delivery = connect(DELIVERY); Statement statement = delivery.createStatement()) {
            for (String table : new String[] {"portfolio_holdings", "alert_rule_sets", "alert_snoozes",
                    "alert_channels", "telegram_link_codes",
                    "channel_test_requests"}) {
                statement.executeQuery("SELECT count(*) FROM api." + table).close();
            }
        }
        assertDenied(() -> execute(DELIVERY, "SELECT username, password_hash FROM api.users"));
        assertDenied(() -> execute(DELIVERY, "SELECT * FROM api.revoked_tokens"));
        assertDenied(() -> execute(DELIVERY, "UPDATE api.alert_channels SET enabled = false"));
        assertDenied(() -> execute(DELIVERY, "DELETE FROM api.portfolio_holdings"));
        assertDenied(() -> execute(DELIVERY, "DELETE FROM api.channel_test_requests"));
        assertDenied(() -> execute(DELIVERY, "SELECT * FROM detection.alerts"));
        try (Connection api = connect(API); Statement statement = api.createStatement()) {
            // a channel's pause and the delivery log, shown to their owner
            statement.executeQuery("SELECT count(*) FROM delivery.channel_health").close();
            statement.executeQuery("SELECT count(*) FROM delivery.attempts").close();
            statement.executeQuery("SELECT count(*) FROM delivery.test_sends").close();
        }
        assertDenied(() -> execute(API, "UPDATE delivery.channel_health SET paused_at = NULL"));
        assertDenied(() -> execute(API, "DELETE FROM delivery.deliveries"));
        assertDenied(() -> execute(API, "INSERT INTO delivery.test_sends (request_id, delivery_id) "
                + "VALUES (1, gen_random_uuid())"));
        assertDenied(() -> execute(DETECTION, "SELECT * FROM delivery.deliveries"));
    }

    @Test
    void detectionCannotReadAccountsCredentialsOrPortfolios() {
        assertDenied(() -> asDetection("SELECT username, password_hash FROM api.users"));
        assertDenied(() -> asDetection("SELECT * FROM api.portfolio_holdings"));
        assertDenied(() -> asDetection("SELECT * FROM api.revoked_tokens"));
        assertDenied(() -> asDetection("CREATE TABLE api.planted (id INT)"));
    }

    @Test
    void neitherServiceCanRunProgramsOnTheServerNorCreateOutsideItsSchema() {
        for (String role : new String[] {DETECTION, API, DELIVERY}) {
            assertDenied(() -> execute(role, "COPY (SELECT 1) TO PROGRAM 'id'"));
            assertDenied(() -> execute(role, "CREATE SCHEMA planted"));
            assertDenied(() -> execute(role, "CREATE TABLE public.planted (id INT)"));
        }
    }

    @Test
    void aTableDetectionsFlywayAddsLaterIsReadableByTheApiAndStillNotWritable() throws SQLException {
        asDetection("CREATE TABLE backtests (run_id TEXT PRIMARY KEY)");
        asDetection("INSERT INTO backtests VALUES ('run-1')");

        try (Connection api = connect(API); Statement statement = api.createStatement();
             ResultSet rows = statement.executeQuery("SELECT run_id FROM detection.backtests")) {
            assertThat(rows.next()).isTrue();
        }
        assertDenied(() -> asApi("INSERT INTO detection.backtests VALUES ('fake')"));
    }

    @Test
    void aRestartKeepsTheGrantsAndTheData() throws Exception {
        postgres.close();
        postgres = Postgres.start(data.resolve("postgres"), port, PASSWORD);
        migrate("detection-service", DETECTION, "detection");

        try (Connection api = connect(API); Statement statement = api.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM detection.alerts").close();
        }
        assertDenied(() -> asApi("DELETE FROM detection.alerts"));
    }

    /**
     * A local stack's data directory from before the roles: one login {@code marketpulse} owned the database, both
     * schemas and every table. The next start hands each schema to its service, which then migrates it further.
     */
    @Test
    void aDatabaseFromBeforeTheRolesIsHandedToTheServices(@TempDir Path old) throws Exception {
        int oldPort = FreePorts.settings(old).postgresPort();
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(old).setCleanDataDirectory(false)
                .setPort(oldPort).setRegisterShutdownHook(false).start()) {
            try (Connection superuser = before.getPostgresDatabase().getConnection();
                 Statement statement = superuser.createStatement()) {
                statement.execute("CREATE ROLE marketpulse LOGIN PASSWORD 'marketpulse'");
                statement.execute("CREATE DATABASE marketpulse OWNER marketpulse");
            }
            Flyway.configure().dataSource(url(oldPort), "marketpulse", "marketpulse").schemas("detection")
                    .defaultSchema("detection").locations(migrations("detection-service")).load().migrate();
        }

        try (Postgres upgraded = Postgres.start(old, oldPort, PASSWORD)) {
            Flyway.configure().dataSource(url(oldPort), DETECTION, PASSWORD).schemas("detection")
                    .defaultSchema("detection").locations(migrations("detection-service")).load().migrate();
            try (Connection detection = DriverManager.getConnection(url(oldPort), DETECTION, PASSWORD);
                 Statement statement = detection.createStatement()) {
                statement.execute("ALTER TABLE detection.alerts ADD COLUMN later TEXT");
            }
            try (Connection api = DriverManager.getConnection(url(oldPort), API, PASSWORD);
                 Statement statement = api.createStatement()) {
                statement.executeQuery("SELECT later FROM detection.alerts").close();
            }
        }
    }

    /**
     * Compose's path: the postgres image runs the script with psql on an empty database ({@code \getenv} reads the
     * passwords from the container's environment), as its entrypoint does. Needs psql 15+ on this machine.
     */
    @Test
    void composeInitRunsTheSameScriptWithPsqlAndGrantsTheSame(@TempDir Path fresh) throws Exception {
        Path psql = Path.of("/usr/bin/psql");
        assumeTrue(Files.isExecutable(psql), "psql is not installed (Debian: postgresql-client)");
        Path script = Path.of(System.getProperty("marketpulse.root", "..")).toAbsolutePath().normalize()
                .resolve("docker/postgres/marketpulse-roles.sql");
        int freshPort = FreePorts.settings(fresh).postgresPort();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(fresh).setPort(freshPort)
                .setRegisterShutdownHook(false).start()) {
            try (Connection superuser = server.getPostgresDatabase().getConnection();
                 Statement statement = superuser.createStatement()) {
                statement.execute("CREATE DATABASE " + StackSettings.DATABASE);
            }
            ProcessBuilder initdb = new ProcessBuilder(psql.toString(), "-v", "ON_ERROR_STOP=1", "--no-psqlrc",
                    "-h", "localhost", "-p", String.valueOf(freshPort), "-U", "postgres", "-d", StackSettings.DATABASE,
                    "-f", script.toString()).redirectErrorStream(true);
            initdb.environment().put(DatabaseRoles.DETECTION_PASSWORD, PASSWORD);
            initdb.environment().put(DatabaseRoles.API_PASSWORD, PASSWORD);
            initdb.environment().put(DatabaseRoles.DELIVERY_PASSWORD, PASSWORD);
            Process process = initdb.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(output).isZero();

            Flyway.configure().dataSource(url(freshPort), DETECTION, PASSWORD).schemas("detection")
                    .defaultSchema("detection").locations(migrations("detection-service")).load().migrate();
            Flyway.configure().dataSource(url(freshPort), API, PASSWORD).schemas("api").defaultSchema("api")
                    .locations(migrations("api-service")).load().migrate();
            try (Connection api = DriverManager.getConnection(url(freshPort), API, PASSWORD);
                 Statement statement = api.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM detection.alerts").close();
                assertDenied(() -> statement.execute("DELETE FROM detection.alerts"));
            }
            try (Connection detection = DriverManager.getConnection(url(freshPort), DETECTION, PASSWORD);
                 Statement statement = detection.createStatement()) {
                assertDenied(() -> statement.execute("SELECT password_hash FROM api.users"));
            }
        }
    }

    private static void migrate(String module, String role, String schema) {
        Flyway.configure().dataSource(url(port), role, PASSWORD).schemas(schema).defaultSchema(schema)
                .locations(migrations(module)).load().migrate();
    }

    private static String migrations(String module) {
        Path root = Path.of(System.getProperty("marketpulse.root", "..")).toAbsolutePath().normalize();
        Path migrations = root.resolve(module).resolve("src/main/resources/db/migration");
        assertThat(Files.isDirectory(migrations)).as("%s", migrations).isTrue();
        return "filesystem:" + migrations;
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + StackSettings.DATABASE;
    }

    private Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(url(port), role, PASSWORD);
    }

    private void asApi(String sql) throws SQLException {
        execute(API, sql);
    }

    private void asDetection(String sql) throws SQLException {
        execute(DETECTION, "SET search_path TO detection; " + sql);
    }

    private void execute(String role, String sql) throws SQLException {
        try (Connection connection = connect(role); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection superuser = DriverManager.getConnection(url(port), "postgres", "");
             Statement statement = superuser.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void assertDenied(ThrowingCallable call) {
        assertThatExceptionOfType(SQLException.class).isThrownBy(call)
                .satisfies(e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
}
