package com.marketpulse.events.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestEventsTest {

    private static final Instant AT = Instant.parse("2026-12-03T19:20:00.123456789Z");

    @Test
    void aStartWithAnUploadAndOverridesRoundTrips() {
        var command = BacktestCommand.start("6f1c", "alice", BacktestCommand.Input.upload("6f1c.csv.gz", "candles",
                "DOT/USD"), new BacktestCommand.Overrides(5.0, null, null, Duration.ofMinutes(10), 0.05, 0.05, 0.05,
                null, null), AT);

        assertThat(roundTrip(command, EventSerdes.backtestCommand())).isEqualTo(command);
    }

    @Test
    void anArchiveRangeAndACancelRoundTrip() {
        var archive = BacktestCommand.start("7a2d", "bob", BacktestCommand.Input.archive(List.of("BTC/USD", "ETH/USD"),
                AT.minus(Duration.ofDays(1)), AT), BacktestCommand.Overrides.NONE, AT);
        var cancel = BacktestCommand.cancel("7a2d", "bob", AT);
        var delete = BacktestCommand.delete("7a2d", "bob", AT);

        assertThat(roundTrip(archive, EventSerdes.backtestCommand())).isEqualTo(archive);
        assertThat(roundTrip(cancel, EventSerdes.backtestCommand())).isEqualTo(cancel);
        assertThat(roundTrip(delete, EventSerdes.backtestCommand())).isEqualTo(delete);
    }

    @Test
    void progressWithBadRowsRoundTrips() {
        var progress = new BacktestProgress("6f1c", BacktestProgress.State.RUNNING, 1200, 1190, 1, 9,
                List.of(new BacktestProgress.BadRow(17, "price is not a number: 'x'")), AT.minus(Duration.ofDays(30)),
                AT.minus(Duration.ofDays(12)), 5400.5, 21L, 1 << 20, 5 << 20, null, AT);

        assertThat(roundTrip(progress, EventSerdes.backtestProgress())).isEqualTo(progress);
        assertThat(progress.state().finished()).isFalse();
        assertThat(BacktestProgress.State.PUBLISHED.finished()).isTrue();
    }

    private static <T> T roundTrip(T event, JsonSerde<T> serde) {
        return serde.deserializer().deserialize("backtest.any", serde.serializer().serialize("backtest.any", event));
    }
}
