package com.marketpulse.evaluation.real;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.core.quality.Matching;
import com.marketpulse.events.AlertType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The label column is read as ingestion's backtest replay reads it: a run of consecutive trades of one symbol with the
 * same label is one labelled event from the first to the last of them; another symbol's trades in between do not
 * break it, a trade of the symbol without a label (or with another) does.
 */
class LabelledTradesTest {

    @TempDir
    Path dir;

    @Test
    void consecutiveLabelledTradesOfASymbolAreOneEventFromTheFirstToTheLast() throws IOException {
        Path file = Files.writeString(dir.resolve("labelled.csv"), """
                timestamp,symbol,price,size,label
                2026-01-05T10:00:00Z,BTC/USD,100,1,
                2026-01-05T10:00:01Z,BTC/USD,97,1,PRICE_SPIKE
                2026-01-05T10:00:02Z,ETH/USD,50,1,normal
                2026-01-05T10:00:03Z,BTC/USD,95,1,price_spike
                2026-01-05T10:00:04Z,BTC/USD,95,9,VOLUME_ANOMALY
                2026-01-05T10:00:05Z,BTC/USD,95,1,
                2026-01-05T10:00:06Z,ETH/USD,49,1,VOLATILITY_BURST
                """);

        LabelledTrades.Read read = LabelledTrades.read(file);

        assertThat(read.trades()).hasSize(7);
        assertThat(read.labels()).containsExactlyInAnyOrder(
                new Matching.Label("BTC/USD", AlertType.PRICE_SPIKE, t(1), t(3)),
                new Matching.Label("BTC/USD", AlertType.VOLUME_ANOMALY, t(4), t(4)),
                new Matching.Label("ETH/USD", AlertType.VOLATILITY_BURST, t(6), t(6)));
    }

    private static Instant t(int second) {
        return Instant.parse("2026-01-05T10:00:00Z").plusSeconds(second);
    }
}
