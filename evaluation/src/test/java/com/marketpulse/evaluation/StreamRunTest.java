package com.marketpulse.evaluation;

import com.marketpulse.detection.scoring.DetectorModel;
import com.marketpulse.events.AlertType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StreamRunTest {

    private static final List<String> SYMBOLS = List.of("BTC/USD", "ETH/USD");

    private final DeployedConfig config = DeployedConfig.load(Path.of("no-such-file.yml"));
    private final DetectorModel model = Models.BOOTSTRAP.build(config, 1);

    private Recording run(long seed, boolean anomalies) {
        var options = config.simulator().withSeed(seed);
        return StreamRun.record(anomalies ? options : options.withoutAnomalies(), SYMBOLS, Duration.ofMinutes(20),
                DetectionPipeline.of(config, model, Clock.fixed(StreamRun.START, ZoneOffset.UTC)));
    }

    @Test
    void theSameSeedGivesTheSameLabelsAndAlerts() {
        Recording first = run(7, true);
        Recording again = run(7, true);

        assertThat(first.labels()).isNotEmpty().isEqualTo(again.labels());
        assertThat(first.episodes()).isEqualTo(again.episodes());
        assertThat(first.ticks()).isEqualTo(again.ticks());
    }

    @Test
    void labelsAreRecordedWithTheIndexOfTheirFirstTickAndFindingsWithTheirOwn() {
        Recording recording = run(11, true);

        long symbolTicks = recording.ticks();
        assertThat(symbolTicks).isGreaterThan(2 * 20 * 60 * 3L);
        for (Labelled label : recording.labels()) {
            assertThat(label.startTick()).isBetween(0L, symbolTicks);
            assertThat(label.end()).isAfter(label.start());
        }
        for (Detection detection : recording.detections()) {
            assertThat(recording.episodes()).anySatisfy(e -> {
                assertThat(e.symbol()).isEqualTo(detection.symbol());
                assertThat(e.type()).isEqualTo(detection.type());
                assertThat(e.overlaps(detection.time(), detection.time())).isTrue();
            });
        }
    }

    @Test
    void withoutInjectionThereAreNoLabels() {
        Recording calm = run(7, false);

        assertThat(calm.labels()).isEmpty();
        assertThat(calm.symbolDays()).isCloseTo(2 * 20 / (24.0 * 60), within(1e-12));
        assertThat(calm.episodes()).allSatisfy(e -> assertThat(e.type()).isIn((Object[]) AlertType.values()));
    }
}
