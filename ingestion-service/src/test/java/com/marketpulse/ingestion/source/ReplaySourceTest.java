package com.marketpulse.ingestion.source;

import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.IngestionProperties;
import com.marketpulse.ingestion.replay.ReplaySpeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ReplaySourceTest {

    @TempDir
    Path dir;

    final InMemoryPublisher publisher = new InMemoryPublisher();

    Path file() throws IOException {
        return Files.writeString(dir.resolve("day.csv"), String.join("\n",
                "timestamp,symbol,price,size,label",
                "2026-01-05T10:00:00Z,BTC/USD,90000,0.5,",
                "2026-01-05T10:00:01Z,BTC/USD,oops,0.5,",
                "2026-01-05T10:00:02Z,BTC/USD,92000,0.5,PRICE_SPIKE"));
    }

    @Test
    void aBacktestRunGoesToTheReplayTopicWithItsRunIdAndEndsWithASummary() throws IOException {
        ReplaySource source = new ReplaySource(file(), ReplaySpeed.MAX, "run-7", publisher, Clock.systemUTC());
        source.start();
        await().until(() -> source.status().state().equals("finished"));
        source.close();

        assertThat(publisher.ticks).hasSize(2).allSatisfy(p -> {
            assertThat(p.topic()).isEqualTo(Topics.MARKET_CRYPTO_REPLAY);
            assertThat(p.tick().runId()).isEqualTo("run-7");
        });
        assertThat(publisher.labels).singleElement().satisfies(l -> assertThat(l.runId()).isEqualTo("run-7"));
        assertThat(source.status().up()).isTrue();
        assertThat(source.status().detail()).contains("3 rows read", "2 trades published", "1 bad rows skipped");
    }

    @Test
    void withoutARunIdTheFileIsReplayedAsTheLiveMarket() throws IOException {
        ReplaySource source = new ReplaySource(file(), ReplaySpeed.MAX, " ", publisher, Clock.systemUTC());
        source.start();
        await().until(() -> source.status().state().equals("finished"));
        assertThat(publisher.ticks).allSatisfy(p -> {
            assertThat(p.topic()).isEqualTo(Topics.MARKET_CRYPTO);
            assertThat(p.tick().runId()).isNull();
        });
    }

    @Test
    void aMissingFileTurnsTheSourceDownNamingTheVariable() {
        ReplaySource source = new ReplaySource(dir.resolve("nope.csv"), ReplaySpeed.MAX, null, publisher,
                Clock.systemUTC());
        source.start();
        assertThat(source.status().up()).isFalse();
        assertThat(source.status().detail()).contains("nope.csv").contains("MARKETPULSE_REPLAY_FILE");
    }

    @Test
    void replayWithoutAFileIsRefusedAtStartUp() {
        assertThatThrownBy(() -> SourceConfig.replaySource(new IngestionProperties.Replay("", "max", ""),
                publisher)).hasMessageContaining("MARKETPULSE_REPLAY_FILE");
    }
}
