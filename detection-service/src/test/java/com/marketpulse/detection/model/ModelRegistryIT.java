package com.marketpulse.detection.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.archive.TickArchive;
import com.marketpulse.detection.scoring.AnomalyForest;
import com.marketpulse.detection.scoring.DetectorModel;
import com.marketpulse.detection.scoring.NormalRegime;
import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.events.Tick;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ModelRegistryIT extends IntegrationTest {

    @Autowired
    ModelRegistry registry;
    @Autowired
    ModelStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void startsWithAStoredBootstrapModelWhenNeitherAModelNorHistoryExists() {
        var first = jdbc.sql("SELECT version, source, notes FROM detection.models ORDER BY version LIMIT 1")
                .query().singleRow();

        assertThat(first.get("source")).isEqualTo("bootstrap");
        assertThat((String) first.get("notes")).startsWith("simulated normal regime");
        assertThat(registry.detector().model().version()).matches("v\\d+");
    }

    @Test
    void retrainsFromTheArchiveStoresANewVersionAndSwapsItIn() {
        String before = registry.detector().model().version();
        archiveRandomWalk(1300);

        assertThat(registry.retrain()).isTrue();

        DetectorModel now = registry.detector().model();
        assertThat(now.version()).isNotEqualTo(before);
        assertThat(now.source()).isEqualTo(DetectorModel.ARCHIVE);
        assertThat(store.newestVersion()).hasValue(Long.parseLong(now.version().substring(1)));
    }

    @Test
    void picksUpANewerModelStoredByAnotherProcess() {
        var forest = AnomalyForest.fit(NormalRegime.sample(256, 3), new AnomalyForest.Options(10, 0.5, 0));
        DetectorModel stored = store.save(new DetectorModel("unsaved", forest, DetectorModel.ARCHIVE, Instant.now(),
                256), "trained by the train command");

        registry.refresh();

        assertThat(registry.detector().model().version()).isEqualTo(stored.version());
        assertThat(registry.detector().model().forest().trees()).isEqualTo(10);
    }

    @Test
    void theScheduledRetrainingOnlySwitchesToTheNewestModelWhenOneWasStoredRecently() {
        archiveRandomWalk(1300);
        long before = store.newestVersion().orElseThrow();

        registry.retrainIfDue(Duration.ofHours(6));
        assertThat(store.newestVersion()).hasValue(before);
        assertThat(registry.detector().model().version()).isEqualTo("v" + before);

        registry.retrainIfDue(Duration.ofMillis(1));
        assertThat(store.newestVersion()).hasValue(before + 1);
        assertThat(registry.detector().model().version()).isEqualTo("v" + (before + 1));
    }

    private static void archiveRandomWalk(int count) {
        var ticks = new TickArchive(archiveDirectory(), 1_000_000, Duration.ofHours(1), Clock.systemUTC());
        var random = new SplittableRandom(11);
        double price = 50;
        for (int i = 0; i < count; i++) {
            price *= Math.exp(0.001 * random.nextGaussian());
            ticks.append(7, i, Tick.live("simulator", "simulator", "DOGE/USD",
                    Instant.parse("2026-11-20T10:00:00Z").plusMillis(250L * i), price, Math.exp(random.nextGaussian()),
                    "m" + i, "B"));
        }
        ticks.seal(7);
    }
}
