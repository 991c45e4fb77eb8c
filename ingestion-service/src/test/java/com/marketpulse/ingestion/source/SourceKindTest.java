package com.marketpulse.ingestion.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceKindTest {

    @Test
    void defaultsToAlpacaOnlyWhenBothKeysAreSet() {
        assertThat(SourceKind.resolve("", true)).isEqualTo(SourceKind.ALPACA);
        assertThat(SourceKind.resolve(null, false)).isEqualTo(SourceKind.SIMULATOR);
        assertThat(SourceKind.resolve("  ", false)).isEqualTo(SourceKind.SIMULATOR);
    }

    @Test
    void anExplicitChoiceWinsWhateverTheKeys() {
        assertThat(SourceKind.resolve("simulator", true)).isEqualTo(SourceKind.SIMULATOR);
        assertThat(SourceKind.resolve("Replay", false)).isEqualTo(SourceKind.REPLAY);
        assertThat(SourceKind.resolve("alpaca", false)).isEqualTo(SourceKind.ALPACA);
    }

    @Test
    void anUnknownSourceIsRejectedWithTheValidChoices() {
        assertThatThrownBy(() -> SourceKind.resolve("binance", false))
                .hasMessageContaining("alpaca, simulator or replay").hasMessageContaining("binance");
    }
}
