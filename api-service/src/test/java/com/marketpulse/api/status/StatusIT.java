package com.marketpulse.api.status;

import static com.marketpulse.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Topics;

class StatusIT extends ApiIntegrationTest {

    /**
     * This context's own broker: not the system property spring.kafka.bootstrap-servers, which another IT class's
     * embedded broker (StatusFaultIT's, stopped by now) may have overwritten since this context was created.
     */
    @Autowired
    private EmbeddedKafkaBroker broker;

    @Test
    void reportsEachStageTheModelVersionAndAlertsOfTheLastHour() {
        clearAlerts();
        jdbc.sql("DELETE FROM detection.models").update();
        Instant now = Instant.now();
        store(alert("recent", "BTC/USD", AlertType.PRICE_SPIKE, 70, now.minusSeconds(60), null));
        store(alert("old", "ETH/USD", AlertType.PRICE_SPIKE, 70, now.minusSeconds(7200), null));

        // one report serves every caller for the cache time: another test's (with its alerts) may still be served,
        // so wait for one checked after this test's alerts were stored
        Instant stored = Instant.now();
        Http.Response response = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("/api/status"), r -> r.status() != 200
                        || Instant.parse(r.json().get("checkedAt").asString()).isAfter(stored));

        assertThat(response.status()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("alertsLastHour").asLong()).isEqualTo(1);
        assertThat(status.get("modelVersion").asString()).isEqualTo("iforest-test");
        assertThat(stage(status, "api-service")).isEqualTo("UP");
        assertThat(stage(status, "postgresql")).isEqualTo("UP");
        assertThat(stage(status, "kafka")).isEqualTo("UP");
        // the test points the pipeline services at a closed port
        assertThat(stage(status, "detection-service")).isEqualTo("DOWN");
        assertThat(status.get("status").asString()).isEqualTo("DEGRADED");
        JsonNode btc = status.get("symbols").get(0);
        assertThat(btc.get("symbol").asString()).isEqualTo("BTC/USD");
        assertThat(btc.get("lastTickAgeSeconds").asLong()).isBetween(0L, 120L);

        long version = jdbc.sql("INSERT INTO detection.models (source, trained_at, training_rows, trees, features, forest) "
                        + "VALUES ('archive', now(), 100, 10, 'priceZ,volumeZ', decode('00', 'hex')) RETURNING version")
                .query(Long.class).single();
        // one report serves every caller for the cache time; the next one names the new model
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/api/status").json().get("modelVersion").asString().equals("v" + version));
    }

    @Test
    void anAnonymousCallerGetsTheHealthSummaryWithoutInternalUrls() {
        Http.Response anonymous = http.get("/api/status");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).doesNotContain("localhost", "http://", "actuator", "broker");
        JsonNode summary = anonymous.json();
        assertThat(stage(summary, "detection-service")).isEqualTo("DOWN");
        assertThat(stage(summary, "postgresql")).isEqualTo("UP");
        summary.get("stages").forEach(stage -> assertThat(stage.get("detail").isNull()).as(stage.toString()).isTrue());
        assertThat(summary.get("consumerLag").isEmpty()).isTrue();
        assertThat(summary.get("symbols").get(0).get("symbol").asString()).isEqualTo("BTC/USD");
    }

    @Test
    void aSignedInCallerAlsoSeesWhereEachStageWasProbed() {
        String token = http.login("demo", "demo123");

        JsonNode full = http.get("/api/status", token).json();

        assertThat(detail(full, "detection-service")).isEqualTo("http://localhost:9/actuator/health is not reachable");
        assertThat(detail(full, "kafka")).contains("broker(s) reachable");
    }

    @Test
    void aSignedInCallerSeesWhichInstanceOwnsWhichPartitions() {
        String token = http.login("demo", "demo123");
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "detection-scorer",
                ConsumerConfig.CLIENT_ID_CONFIG, "detection-service-2-0");
        try (var member = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            member.subscribe(List.of(Topics.MARKET_ALERTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                member.poll(Duration.ofMillis(200));
                return member.assignment().size() == 3;
            });

            // one report serves every caller for the cache time: the member shows in a later one
            JsonNode owners = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> http.get("/api/status", token).json().get("partitionOwners"),
                            found -> found.valueStream().anyMatch(o -> o.get("group").asString().equals("detection-scorer")));
            JsonNode owner = owners.valueStream().filter(o -> o.get("group").asString().equals("detection-scorer"))
                    .findFirst().orElseThrow();
            assertThat(owner.get("member").asString()).isEqualTo("detection-service-2-0");
            assertThat(owner.get("partitions").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("market.alerts-0", "market.alerts-1", "market.alerts-2");
            assertThat(http.get("/api/status").json().get("partitionOwners").isEmpty())
                    .as("an anonymous caller is not told how the services are spread").isTrue();
        }
    }

    @Test
    void actuatorHealthIsOpenForOrchestration() {
        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    private static String detail(JsonNode status, String name) {
        for (JsonNode stage : status.get("stages")) {
            if (stage.get("name").asString().equals(name)) {
                return stage.get("detail").asString();
            }
        }
        throw new AssertionError("no stage " + name);
    }

    static String stage(JsonNode status, String name) {
        List<String> found = new ArrayList<>();
        status.get("stages").forEach(stage -> {
            if (stage.get("name").asString().equals(name)) {
                found.add(stage.get("status").asString());
            }
        });
        assertThat(found).as(name).hasSize(1);
        return found.getFirst();
    }
}
