package com.marketpulse.detection.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.DetectionServiceProperties;
import com.marketpulse.detection.archive.TickArchive;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.events.Tick;
import com.marketpulse.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T14:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path archive;

    private ModelTrainer trainer(int rows, int minRows) {
        var model = new DetectionServiceProperties.Model(30, 0.5, rows, 1, 100_000, minRows, Duration.ZERO, Duration.ZERO,
                false);
        return new ModelTrainer(archive, model, Settings.defaults().features(), Duration.ofHours(3), CLOCK);
    }

    /** A random walk of {@code count} trades per symbol, one every 10 s, archived and sealed. */
    private void archiveRandomWalk(int count) {
        var ticks = new TickArchive(archive, 1_000_000, Duration.ofHours(1), CLOCK);
        var random = new SplittableRandom(5);
        long offset = 0;
        for (String symbol : new String[] {"BTC/USD", "ETH/USD"}) {
            double price = 1000;
            for (int i = 0; i < count; i++) {
                price *= Math.exp(0.001 * random.nextGaussian());
                ticks.append(0, offset++, Tick.live("simulator", "simulator", symbol,
                        Instant.parse("2026-11-24T00:00:00Z").plusSeconds(10L * i), price,
                        Math.exp(random.nextGaussian()), symbol + i, "B"));
            }
        }
        ticks.seal(0);
    }

    @Test
    void anArchiveShorterThanTheWarmUpTrainsNothing() {
        archiveRandomWalk(6 * 150);

        assertThat(trainer(512, 100).train()).isEmpty();
    }

    @Test
    void trainsAForestOnTheGridStepsOfArchivedTicksAfterWarmUp() {
        archiveRandomWalk(6 * 300);

        var training = trainer(512, 1000).train().orElseThrow();

        assertThat(training.model().source()).isEqualTo(DetectorModel.ARCHIVE);
        assertThat(training.model().trainingRows()).isEqualTo(512);
        assertThat(training.model().trainedAt()).isEqualTo(CLOCK.instant());
        assertThat(training.notes()).contains("of 3600 ticks").contains("2 symbols");
        double calm = training.model().forest().score(new double[] {0.5, 0.5, 0.5, 0.0, 1.0, 1.0});
        double wild = training.model().forest().score(new double[] {30, 30, 20, 3, 5, 5});
        assertThat(wild).isGreaterThan(calm + 0.2);
    }
}
