package com.marketpulse.detection.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.DetectionProperties;
import com.marketpulse.detection.MarketProperties;
import com.marketpulse.detection.archive.TickArchive;
import com.marketpulse.detection.scoring.DetectorModel;
import com.marketpulse.events.Tick;
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
        var model = new DetectionProperties.Model(30, 0.5, rows, 1, 100_000, minRows, Duration.ZERO, Duration.ZERO,
                false);
        var properties = new DetectionProperties(50, 4, 20, 5, 2, 12, 6, 3, 24, 0.6, 1.25, Duration.ofSeconds(60), model,
                new DetectionProperties.Archive(archive, 100_000, Duration.ofSeconds(60)));
        return new ModelTrainer(archive, properties, new MarketProperties.Features(50, 20, 200, 100, Duration.ofSeconds(60), Duration.ofMinutes(1)), CLOCK);
    }

    /** A random walk of {@code count} ticks per symbol, archived and sealed. */
    private void archiveRandomWalk(int count) {
        var ticks = new TickArchive(archive, 1_000_000, Duration.ofHours(1), CLOCK);
        var random = new SplittableRandom(5);
        long offset = 0;
        for (String symbol : new String[] {"BTC/USD", "ETH/USD"}) {
            double price = 1000;
            for (int i = 0; i < count; i++) {
                price *= Math.exp(0.001 * random.nextGaussian());
                ticks.append(0, offset++, Tick.live("simulator", "simulator", symbol,
                        Instant.parse("2026-11-24T10:00:00Z").plusMillis(250L * i), price,
                        Math.exp(random.nextGaussian()), symbol + i, "B"));
            }
        }
        ticks.seal(0);
    }

    @Test
    void anArchiveWithTooLittleHistoryTrainsNothing() {
        archiveRandomWalk(100);

        assertThat(trainer(512, 1000).train()).isEmpty();
    }

    @Test
    void trainsAForestOnTheFeaturesOfArchivedTicksAfterWarmUp() {
        archiveRandomWalk(700);

        var training = trainer(512, 1000).train().orElseThrow();

        assertThat(training.model().source()).isEqualTo(DetectorModel.ARCHIVE);
        assertThat(training.model().trainingRows()).isEqualTo(512);
        assertThat(training.model().trainedAt()).isEqualTo(CLOCK.instant());
        assertThat(training.notes()).contains("1302 feature vectors of 1400 ticks").contains("2 symbols");
        double calm = training.model().forest().score(new double[] {0.5, 0.5, 0.0, 1.0, 0.5});
        double wild = training.model().forest().score(new double[] {12, 20, 8, 4, 12});
        assertThat(wild).isGreaterThan(calm + 0.2);
    }
}
