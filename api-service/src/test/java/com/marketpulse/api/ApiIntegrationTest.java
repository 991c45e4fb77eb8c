package com.marketpulse.api;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.marketpulse.alerting.seal.DeliveryKeys;
import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.events.Alert;
import com.marketpulse.events.Topics;

/**
 * Base of the integration tests: the whole application on a random port against a real embedded PostgreSQL and a
 * real embedded Kafka broker (KRaft), with the demo account on. One shared context for every *IT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "marketpulse.api.demo=true",
        "marketpulse.api.token-secret=integration-test-signing-key-0123456789abcdef",
        "marketpulse.api.throttle.client-address-secret=" + ApiIntegrationTest.CLIENT_ADDRESS_SECRET,
        "marketpulse.api.status.services.ingestion-service=http://localhost:9/",
        "marketpulse.api.status.services.feature-service=http://localhost:9/",
        "marketpulse.api.status.services.detection-service=http://localhost:9/",
        "marketpulse.api.status.services.dashboard-service=http://localhost:9/",
        "marketpulse.api.status.services.delivery-service=http://localhost:9/",
        "marketpulse.backtest.upload-directory=" + ApiIntegrationTest.UPLOADS,
        "marketpulse.api.delivery.telegram.bot-username=MarketPulseTestBot",
        // small enough that the too-large case sends a few MB, not 250
        "marketpulse.api.backtests.max-upload-size=" + ApiIntegrationTest.MAX_UPLOAD})
@EmbeddedKafka(topics = {Topics.MARKET_ALERTS, "market.alerts.DLT"}, partitions = 3,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class ApiIntegrationTest {

    /** Where the tests' backtest uploads are stored. */
    protected static final String UPLOADS = "target/backtest-uploads";
    protected static final String MAX_UPLOAD = "24MB";

    /** What the dashboard signs forwarded browser addresses with, in these tests. */
    protected static final String CLIENT_ADDRESS_SECRET = "integration-test-client-address-secret-0123456789";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Http http;

    /** delivery-service's key pair in these tests: the API seals channel secrets with the public half. */
    protected static final Path DELIVERY_PRIVATE_KEY = Path.of("target", "delivery-keys", "private.pem");
    private static final Path DELIVERY_PUBLIC_KEY = Path.of("target", "delivery-keys", "public.pem");
    /** delivery-service's VAPID pair in these tests: the API serves the public half to browsers. */
    protected static final Path VAPID_PUBLIC_KEY = Path.of("target", "delivery-keys", "vapid-public.pem");
    private static final Path VAPID_PRIVATE_KEY = Path.of("target", "delivery-keys", "vapid-private.pem");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        DeliveryKeys.generateIfAbsent(DELIVERY_PRIVATE_KEY, DELIVERY_PUBLIC_KEY);
        registry.add("marketpulse.api.delivery.public-key-file", () -> DELIVERY_PUBLIC_KEY.toString());
        PushKeys.generateIfAbsent(VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY);
        registry.add("marketpulse.api.delivery.vapid-public-key-file", () -> VAPID_PUBLIC_KEY.toString());
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    protected void clearAlerts() {
        jdbc.sql("DELETE FROM detection.alerts").update();
    }

    /** Stores an alert the way detection-service does. */
    protected void store(Alert alert) {
        jdbc.sql("""
                        INSERT INTO detection.alerts (alert_id, symbol, type, direction, severity, level, event_time,
                            end_time, price, score, model_version, explanation, detected_at, updated_at, run_id)
                        VALUES (:id, :symbol, :type, :direction, :severity, :level, :eventTime, :endTime, :price,
                            :score, :model, :explanation, :detectedAt, :detectedAt, :runId)""")
                .param("id", alert.alertId())
                .param("symbol", alert.symbol())
                .param("type", alert.type().name())
                .param("direction", alert.direction().name())
                .param("severity", alert.severity())
                .param("level", alert.level().name())
                .param("eventTime", Timestamp.from(alert.eventTime()))
                .param("endTime", Timestamp.from(alert.endTime()))
                .param("price", alert.price())
                .param("score", alert.score())
                .param("model", alert.modelVersion())
                .param("explanation", alert.explanation())
                .param("detectedAt", Timestamp.from(alert.detectedAt()))
                .param("runId", alert.runId())
                .update();
    }

    protected static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
