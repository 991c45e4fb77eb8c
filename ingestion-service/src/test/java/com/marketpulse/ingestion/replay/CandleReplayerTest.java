package com.marketpulse.ingestion.replay;

import com.marketpulse.events.SourceBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandleReplayerTest {

    @TempDir
    Path dir;

    static final Path GZIPPED_WITH_HEADER = resource("DOTUSDT-1m-2024-11-head.csv.gz");
    static final Path PLAIN_BAD_LINE_4 = resource("DOTUSDT-1m-2024-11-slice-bad-line-4.csv");

    static Path resource(String name) {
        try {
            return Path.of(CandleReplayerTest.class.getResource("/candles/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void replaysGzippedKlinesAsTheNamedPairEachCandleAtItsClose() throws Exception {
        ReplayInput input = ReplayInput.of(GZIPPED_WITH_HEADER, ReplayFormat.AUTO, "dot-usd");
        RecordingReplaySink sink = new RecordingReplaySink();
        VirtualPacer realTime = new VirtualPacer();

        CandleReplayer.Summary summary = new CandleReplayer(ReplaySpeed.parse("1"), realTime)
                .replay(input.candles("run-9"), sink);

        assertThat(summary.bars()).isEqualTo(5);
        assertThat(summary.badRows()).isZero();
        assertThat(sink.badRows).isEmpty();
        SourceBar first = sink.bars.getFirst();
        assertThat(first.start()).isEqualTo(Instant.ofEpochMilli(1730419200000L));
        assertThat(first.eventTime()).isEqualTo(Instant.parse("2024-11-01T00:01:00Z"));
        assertThat(first.close()).isEqualTo(3.958);
        assertThat(sink.bars).allSatisfy(bar -> {
            assertThat(bar.symbol()).isEqualTo("DOT/USD");
            assertThat(bar.eventTime()).isEqualTo(bar.start().plus(Duration.ofMinutes(1)));
            assertThat(bar.runId()).isEqualTo("run-9");
            assertThat(bar.venue()).isEqualTo("binance");
        });
        assertThat(summary.firstClose()).isEqualTo(first.eventTime());
        assertThat(summary.lastClose()).isEqualTo(Instant.parse("2024-11-01T00:05:00Z"));
        assertThat(realTime.waitedUntil).as("paced on the closes, a minute apart")
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3),
                        Duration.ofMinutes(4));
    }

    @Test
    void aBadKlineRowIsReportedWithItsLineNumberAndTheOthersAreReplayed() throws Exception {
        ReplayInput input = ReplayInput.of(PLAIN_BAD_LINE_4, ReplayFormat.CANDLES, "DOT/USD");
        RecordingReplaySink sink = new RecordingReplaySink();
        VirtualPacer tenTimes = new VirtualPacer();

        CandleReplayer.Summary summary = new CandleReplayer(ReplaySpeed.parse("10"), tenTimes)
                .replay(input.candles(null), sink);

        assertThat(summary.bars()).isEqualTo(5);
        assertThat(summary.badRows()).isEqualTo(1);
        assertThat(sink.badRows).singleElement().asString().startsWith("4: ").contains("close");
        assertThat(sink.bars).extracting(SourceBar::runId).containsOnlyNulls();
        assertThat(tenTimes.waitedUntil).as("the bad row's minute is skipped, not waited for")
                .containsExactly(Duration.ofSeconds(6), Duration.ofSeconds(12), Duration.ofSeconds(24),
                        Duration.ofSeconds(30));
    }

    @Test
    void aBarsCsvSymbolThatIsNoPairIsABadRowAndOthersAreNormalised() throws Exception {
        Path file = Files.writeString(dir.resolve("bars.csv"), """
                timestamp,symbol,open,high,low,close,volume
                2024-11-01T00:00:00Z,btc-usd,69600,69700,69500,69650,0.5
                2024-11-01T00:00:00Z,BTCUSD,69600,69700,69500,69650,0.5
                """);
        RecordingReplaySink sink = new RecordingReplaySink();
        new CandleReplayer(ReplaySpeed.MAX, new VirtualPacer())
                .replay(ReplayInput.of(file, ReplayFormat.AUTO, null).candles(null), sink);
        assertThat(sink.bars).singleElement().satisfies(bar -> {
            assertThat(bar.symbol()).isEqualTo("BTC/USD");
            assertThat(bar.eventId()).contains("BTC/USD");
        });
        assertThat(sink.badRows).singleElement().asString().startsWith("3: ").contains("BTCUSD");
    }

    @Test
    void anInterruptedReplayStopsAtTheBarItWaitsFor() throws Exception {
        List<Instant> waits = new ArrayList<>();
        Pacer interrupting = new Pacer() {
            @Override
            public Instant now() {
                return Instant.EPOCH;
            }

            @Override
            public void waitUntil(Instant wallTime) throws InterruptedException {
                waits.add(wallTime);
                throw new InterruptedException("stop");
            }
        };
        RecordingReplaySink sink = new RecordingReplaySink();
        CandleReplayer replayer = new CandleReplayer(ReplaySpeed.parse("1"), interrupting);
        ReplayInput input = ReplayInput.of(GZIPPED_WITH_HEADER, ReplayFormat.AUTO, "DOT/USD");

        assertThatThrownBy(() -> replayer.replay(input.candles(null), sink)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).as("cleared, as InterruptedException says").isFalse();
        assertThat(sink.bars).hasSize(1);
        assertThat(waits).hasSize(1);
    }
}
