package com.marketpulse.api.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import com.marketpulse.api.Http;
import com.marketpulse.api.TestDatabase;
import com.marketpulse.events.Topics;

/**
 * /api/status tells the truth during a fault: with its own database and broker (stopped here, so apart from the
 * shared ones of the other ITs), each shows as DOWN within the cache time plus one check, and the report keeps
 * answering meanwhile instead of waiting for the connection pool's 30 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "marketpulse.api.token-secret=status-fault-test-signing-key-0123456789abcdef",
        "marketpulse.api.status.cache-ttl=2s",
        "marketpulse.api.status.services.ingestion-service=http://localhost:9/",
        "marketpulse.api.status.services.feature-service=http://localhost:9/",
        "marketpulse.api.status.services.detection-service=http://localhost:9/",
        "marketpulse.api.status.services.dashboard-service=http://localhost:9/",
        "marketpulse.api.status.services.delivery-service=http://localhost:9/"})
@EmbeddedKafka(topics = {Topics.MARKET_ALERTS, "market.alerts.DLT"}, partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class StatusFaultIT {

    /** Cache time, the status deadline (probe timeout + 3 s) and a margin for a slow machine. */
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final EmbeddedPostgres DATABASE = TestDatabase.startNew();

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    private static boolean stopped;

    @AfterAll
    static void stopDatabase() throws Exception {
        if (!stopped) {
            DATABASE.close();
        }
    }

    @Test
    void aDatabaseAndThenABrokerThatGoDownShowAsDownWithinTheCacheTime() throws Exception {
        Http http = new Http(port);
        await().atMost(WITHIN).until(() -> {
            JsonNode status = http.get("/api/status").json();
            return StatusIT.stage(status, "postgresql").equals("UP") && StatusIT.stage(status, "kafka").equals("UP");
        });

        DATABASE.close();
        stopped = true;

        await().atMost(WITHIN).until(() -> StatusIT.stage(http.get("/api/status").json(), "postgresql")
                .equals("DOWN"));
        JsonNode databaseDown = http.get("/api/status").json();
        assertThat(databaseDown.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(StatusIT.stage(databaseDown, "kafka")).isEqualTo("UP");

        broker.destroy();

        await().atMost(WITHIN).until(() -> StatusIT.stage(http.get("/api/status").json(), "kafka").equals("DOWN"));
    }
}
