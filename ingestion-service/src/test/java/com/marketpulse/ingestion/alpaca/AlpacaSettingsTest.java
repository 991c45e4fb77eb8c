package com.marketpulse.ingestion.alpaca;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlpacaSettingsTest {

    static AlpacaSettings settings(String location, String streamUrl, String dataUrl, String key) {
        Duration d = Duration.ofSeconds(1);
        return new AlpacaSettings(location, streamUrl, dataUrl, key, "very-secret", List.of("BTC/USD"), d, d, d, d, d,
                d, d, Duration.ofHours(24), Duration.ofSeconds(30));
    }

    static AlpacaSettings settings(String dataUrl, String key) {
        return settings("us", "wss://stream.example/v1beta3/crypto/us", dataUrl, key);
    }

    @Test
    void theRestEndpointsAreFoundFromAFullBaseOrABareHost() {
        assertThat(settings("https://data.alpaca.markets/v1beta3/crypto/us", "k").restUrl("trades"))
                .isEqualTo("https://data.alpaca.markets/v1beta3/crypto/us/trades");
        assertThat(settings("http://localhost:9999/", "k").restUrl("bars"))
                .isEqualTo("http://localhost:9999/v1beta3/crypto/us/bars");
    }

    @Test
    void theLocationSelectsTheVenuePathOfTheStreamAndOfRest() {
        AlpacaSettings kraken = settings("eu-1", "wss://stream.data.alpaca.markets", "https://data.alpaca.markets/",
                "k");
        assertThat(kraken.streamUrl()).isEqualTo("wss://stream.data.alpaca.markets/v1beta3/crypto/eu-1");
        assertThat(kraken.restUrl("bars")).isEqualTo("https://data.alpaca.markets/v1beta3/crypto/eu-1/bars");
    }

    @Test
    void aUrlNamingAnotherVenueThanTheLocationIsRejected() {
        assertThatThrownBy(() -> settings("us-1", "wss://stream.data.alpaca.markets/v1beta3/crypto/us",
                "https://data.alpaca.markets", "k"))
                .hasMessageContaining("ALPACA_STREAM_URL").hasMessageContaining("ALPACA_LOCATION");
        assertThatThrownBy(() -> settings("US 1", "wss://a", "https://b", "k")).hasMessageContaining("ALPACA_LOCATION");
    }

    @Test
    void keysNeverAppearInTheTextOfTheSettings() {
        assertThat(settings("http://localhost:1", "my-key-id").toString())
                .doesNotContain("my-key-id").doesNotContain("very-secret");
    }

    @Test
    void missingKeysAreRejectedNamingTheVariables() {
        assertThatThrownBy(() -> settings("http://localhost:1", " ")).hasMessageContaining("ALPACA_API_KEY");
    }
}
