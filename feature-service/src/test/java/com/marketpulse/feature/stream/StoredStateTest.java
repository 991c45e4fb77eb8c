package com.marketpulse.feature.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.Tick;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.feature.grid.MarketState;
import com.marketpulse.settings.Settings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredStateTest {

    private final GridSettings settings = Settings.defaults().features();

    @Test
    void framingAStateWritesTheBytesStoresAndChangelogsAlreadyHold() {
        MarketState state = MarketState.fresh(settings);
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        for (int i = 0; i < 500; i++) {
            state.onTrade(Tick.live("replay", "replay", "BTC/USD", start.plusMillis(700L * i), 97_000 + i % 13, 0.01,
                    "t" + i, "B"));
        }

        byte[] framed = StoredState.frame(1_234L, state);

        assertThat(framed).isEqualTo(StoredState.frame(1_234L, state.toBytes()));
        assertThat(StoredState.updatedMillis(framed)).isEqualTo(1_234L);
        assertThat(MarketState.fromBytes(StoredState.state(framed), settings).toBytes()).isEqualTo(state.toBytes());
    }
}
