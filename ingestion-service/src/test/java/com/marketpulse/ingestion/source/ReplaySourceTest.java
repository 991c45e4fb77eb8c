package com.marketpulse.ingestion.source;

import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.IngestionProperties;
import com.marketpulse.settings.MarketPulseSettings;
import com.marketpulse.settings.Settings;
import com.marketpulse.ingestion.replay.ReplayFormat;
import com.marketpulse.ingestion.replay.ReplaySpeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ReplaySourceTest {

    @TempDir
    Path dir;

    /** The shipped edge limits (marketpulse-defaults.yml). */
    static final MarketPulseSettings.Edge EDGE = Settings.defaults().edge();

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
        ReplaySource source = new ReplaySource(file(), ReplayFormat.AUTO, null, ReplaySpeed.MAX, "run-7", EDGE, publisher,
                Clock.systemUTC());
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
        ReplaySource source = new ReplaySource(file(), ReplayFormat.AUTO, null, ReplaySpeed.MAX, " ", EDGE, publisher,
                Clock.systemUTC());
        source.start();
        await().until(() -> source.status().state().equals("finished"));
        assertThat(publisher.ticks).allSatisfy(p -> {
            assertThat(p.topic()).isEqualTo(Topics.MARKET_CRYPTO);
            assertThat(p.tick().runId()).isNull();
        });
    }

    @Test
    void aMissingFileTurnsTheSourceDownNamingTheVariable() {
        ReplaySource source = new ReplaySource(dir.resolve("nope.csv"), ReplayFormat.AUTO, null, ReplaySpeed.MAX, null, EDGE,
                publisher, Clock.systemUTC());
        source.start();
        assertThat(source.status().up()).isFalse();
        assertThat(source.status().detail()).contains("nope.csv").contains("MARKETPULSE_REPLAY_FILE");
    }

    @Test
    void replayWithoutAFileIsRefusedAtStartUp() {
        assertThatThrownBy(() -> SourceConfig.replaySource(new IngestionProperties.Replay("", "max", "", "auto", ""),
                EDGE, publisher)).hasMessageContaining("MARKETPULSE_REPLAY_FILE");
    }
    static Path candles(String name) throws URISyntaxException {
        return Path.of(ReplaySourceTest.class.getResource("/candles/" + name).toURI());
    }

    ReplaySource finished(ReplaySource source) {
        source.start();
        await().until(() -> !source.status().state().equals("replaying"));
        source.close();
        return source;
    }

    @Test
    void aKlineBacktestPublishesEachCandleAtItsCloseAsTheNamedPairToTheReplayTopic() throws Exception {
        ReplaySource source = finished(new ReplaySource(candles("DOTUSDT-1m-2024-11-head.csv.gz"), ReplayFormat.AUTO,
                "DOT/USD", ReplaySpeed.MAX, "run-8", EDGE, publisher, Clock.systemUTC()));

        assertThat(source.status().state()).isEqualTo("finished");
        assertThat(publisher.bars).hasSize(5).allSatisfy(bar -> {
            assertThat(bar.symbol()).isEqualTo("DOT/USD");
            assertThat(bar.eventTime()).isEqualTo(bar.start().plus(Duration.ofMinutes(1)));
            assertThat(bar.runId()).isEqualTo("run-8");
            assertThat(bar.source()).isEqualTo("replay");
        });
        assertThat(publisher.bars).extracting(SourceBar::start)
                .startsWith(Instant.parse("2024-11-01T00:00:00Z"), Instant.parse("2024-11-01T00:01:00Z"));
        assertThat(publisher.barTopics).containsOnly(Topics.MARKET_SOURCE_BARS_REPLAY);
        assertThat(publisher.ticks).isEmpty();
        assertThat(source.venue()).isEqualTo("binance");
        assertThat(source.status().detail()).contains("Binance klines as DOT/USD", "5 rows read",
                "5 bars published, all acknowledged by Kafka", "0 bad rows skipped",
                "bars closing from 2024-11-01T00:01:00Z to 2024-11-01T00:05:00Z");
    }

    @Test
    void liveCandlesGoToTheSourceBarsTopicAndABadRowIsReportedWithItsLine() throws Exception {
        ReplaySource source = finished(new ReplaySource(candles("DOTUSDT-1m-2024-11-slice-bad-line-4.csv"),
                ReplayFormat.CANDLES, "dot-usd", ReplaySpeed.MAX, null, EDGE, publisher, Clock.systemUTC()));

        assertThat(publisher.bars).hasSize(5).allSatisfy(bar -> assertThat(bar.runId()).isNull());
        assertThat(publisher.barTopics).containsOnly(Topics.MARKET_SOURCE_BARS);
        assertThat(source.status().detail()).contains("6 rows read", "5 bars published",
                "1 bad rows skipped (first: line 4: close");
    }

    @Test
    void aBarsCsvReplaysItsSymbolsInFileOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("bars.csv"), String.join("\n",
                "timestamp,symbol,open,high,low,close,volume,trade_count,vwap",
                "2024-11-01T00:00:00Z,BTC/USD,69600,69700,69500,69650,0.5,3,69620",
                "2024-11-01T00:00:00Z,ETH/USD,2500,2510,2490,2505,0,,",
                "2024-11-01T00:01:00Z,BTC/USD,69650,69800,69600,69790,1.5,7,69700",
                "2024-11-01T00:01:00Z,eth-usd,2505,2520,2500,2515,4,2,2510"));
        ReplaySource source = finished(new ReplaySource(file, ReplayFormat.AUTO, null, ReplaySpeed.MAX, "run-3", EDGE,
                publisher, Clock.systemUTC()));

        assertThat(publisher.bars).extracting(SourceBar::symbol)
                .containsExactly("BTC/USD", "ETH/USD", "BTC/USD", "ETH/USD");
        assertThat(publisher.bars).extracting(SourceBar::eventTime).containsExactly(
                Instant.parse("2024-11-01T00:01:00Z"), Instant.parse("2024-11-01T00:01:00Z"),
                Instant.parse("2024-11-01T00:02:00Z"), Instant.parse("2024-11-01T00:02:00Z"));
        assertThat(publisher.bars).allSatisfy(bar -> assertThat(bar.runId()).isEqualTo("run-3"));
        assertThat(publisher.barTopics).containsOnly(Topics.MARKET_SOURCE_BARS_REPLAY);
        assertThat(source.status().detail()).contains("a bars CSV", "4 bars published");
    }

    @Test
    void aKlineFileWithoutASymbolTurnsTheSourceDownNamingTheVariable() throws Exception {
        ReplaySource source = new ReplaySource(candles("DOTUSDT-1m-2024-11-head.csv.gz"), ReplayFormat.AUTO, "",
                ReplaySpeed.MAX, null, EDGE, publisher, Clock.systemUTC());
        source.start();
        assertThat(source.status().up()).isFalse();
        assertThat(source.status().detail()).contains("MARKETPULSE_REPLAY_SYMBOL", "Binance klines");
        assertThat(publisher.bars).isEmpty();
    }

    @Test
    void replayWithAnUnknownFormatIsRefusedAtStartUp() {
        assertThatThrownBy(() -> SourceConfig.replaySource(new IngestionProperties.Replay("k.csv", "max", "",
                "klines", "DOT/USD"), EDGE, publisher)).hasMessageContaining("MARKETPULSE_REPLAY_FORMAT");
    }
}
