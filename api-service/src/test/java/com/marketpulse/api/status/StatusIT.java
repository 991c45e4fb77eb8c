package com.marketpulse.api.status;

import static com.marketpulse.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.events.AlertType;

class StatusIT extends ApiIntegrationTest {

    @Test
    void reportsEachStageTheModelVersionAndAlertsOfTheLastHour() {
        clearAlerts();
        jdbc.sql("DELETE FROM detection.models").update();
        Instant now = Instant.now();
        store(alert("recent", "BTC/USD", AlertType.PRICE_SPIKE, 70, now.minusSeconds(60), null));
        store(alert("old", "ETH/USD", AlertType.PRICE_SPIKE, 70, now.minusSeconds(7200), null));

        Http.Response response = http.get("/api/status");

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
        assertThat(http.get("/api/status").json().get("modelVersion").asString()).isEqualTo("v" + version);
    }

    @Test
    void actuatorHealthIsOpenForOrchestration() {
        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    private static String stage(JsonNode status, String name) {
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
