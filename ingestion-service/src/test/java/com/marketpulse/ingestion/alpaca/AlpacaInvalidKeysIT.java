package com.marketpulse.ingestion.alpaca;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Invalid keys: the service reports DOWN with a clear reason, and does not hammer Alpaca with reconnects. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "marketpulse.alpaca.api-key=revoked-key",
        "marketpulse.alpaca.secret-key=revoked-secret",
        "marketpulse.alpaca.initial-backoff=100ms"})
@EmbeddedKafka(partitions = 1)
class AlpacaInvalidKeysIT {

    static final FakeAlpacaServer ALPACA = FakeAlpacaServer.started();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void alpacaUrls(DynamicPropertyRegistry registry) {
        ALPACA.registerUrls(registry);
    }

    @AfterAll
    static void stopAlpaca() throws IOException {
        ALPACA.close();
    }

    @Test
    void keysAloneSelectAlpacaAndRejectedKeysTurnHealthDownWithoutAReconnectStorm() throws Exception {
        // DOWN already while it connects: wait for the state the refusal leaves it in
        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(
                sourceHealth().at("/details/state").asString()));
        JsonNode source = sourceHealth();
        assertThat(source.path("status").asString()).isEqualTo("DOWN");
        assertThat(source.at("/details/source").asString()).isEqualTo("alpaca");
        assertThat(source.at("/details/detail").asString()).contains("402").contains("ALPACA_API_KEY");
        assertThat(source.toString()).doesNotContain("revoked-key").doesNotContain("revoked-secret");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> ALPACA.connections() == 1);
    }

    private JsonNode sourceHealth() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return FakeAlpacaServer.JSON.readTree(response.body()).path("components").path("source");
    }
}
