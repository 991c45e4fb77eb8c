package com.marketpulse.ingestion.alpaca;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlpacaSettingsTest {

    static AlpacaSettings settings(String dataUrl, String key) {
        Duration d = Duration.ofSeconds(1);
        return new AlpacaSettings("wss://stream.example/v1beta3/crypto/us", dataUrl, key, "very-secret",
                List.of("BTC/USD"), d, d, d, d, d, d, d);
    }

    @Test
    void theTradesEndpointIsFoundFromAFullBaseOrABareHost() {
        assertThat(settings("https://data.alpaca.markets/v1beta3/crypto/us", "k").tradesUrl())
                .isEqualTo("https://data.alpaca.markets/v1beta3/crypto/us/trades");
        assertThat(settings("http://localhost:9999/", "k").tradesUrl())
                .isEqualTo("http://localhost:9999/v1beta3/crypto/us/trades");
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
