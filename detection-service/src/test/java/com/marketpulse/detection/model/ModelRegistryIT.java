package com.marketpulse.detection.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.archive.TickArchive;
import com.marketpulse.detection.core.AnomalyForest;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.detection.core.ForestInput;
import com.marketpulse.detection.support.Features;
import com.marketpulse.detection.core.NormalMarket;
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
        archiveRandomWalk(3_600);

        assertThat(registry.retrain()).isTrue();

        DetectorModel now = registry.detector().model();
        assertThat(now.version()).isNotEqualTo(before);
        assertThat(now.source()).isEqualTo(DetectorModel.ARCHIVE);
        assertThat(store.newestVersion()).hasValue(Long.parseLong(now.version().substring(1)));
    }

    @Test
    void picksUpANewerModelStoredByAnotherProcess() {
        var forest = AnomalyForest.fit(NormalMarket.sample(256, 3), new AnomalyForest.Options(10, 0.5, 0), 3);
        DetectorModel stored = store.save(new DetectorModel("unsaved", forest, DetectorModel.ARCHIVE, Instant.now(),
                256), "trained by the train command");

        registry.refresh();

        assertThat(registry.detector().model().version()).isEqualTo(stored.version());
        assertThat(registry.detector().model().forest().trees()).isEqualTo(10);
    }

    @Test
    void aStoredModelBeyondTheDeserializationLimitsIsRefusedAndThePreviousModelStaysInUse() throws Exception {
        String before = registry.detector().model().version();
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new double[5_000_000]); // 40 MB: no forest holds such an array
        }
        jdbc.sql("""
                        INSERT INTO detection.models (source, trained_at, training_rows, trees, features, forest, notes)
                        VALUES ('archive', now(), 512, 100, :features, :forest, 'crafted')
                        """)
                .param("features", String.join(",", ForestInput.NAMES))
                .param("forest", bytes.toByteArray())
                .update();

        try {
            registry.refresh();

            assertThat(registry.detector().model().version()).isEqualTo(before);
            assertThat(registry.detector().score(Features.calm("BTC/USD", Instant.parse("2026-11-20T12:00:00Z"))))
                    .isBetween(0.0, 1.0);
        } finally {
            jdbc.sql("DELETE FROM detection.models WHERE notes = 'crafted'").update();
        }
    }

    @Test
    void theScheduledRetrainingOnlySwitchesToTheNewestModelWhenOneWasStoredRecently() {
        archiveRandomWalk(3_600);
        long before = store.newestVersion().orElseThrow();

        registry.retrainIfDue(Duration.ofHours(6));
        assertThat(store.newestVersion()).hasValue(before);
        assertThat(registry.detector().model().version()).isEqualTo("v" + before);

        registry.retrainIfDue(Duration.ofMillis(1));
        // versions come from a sequence: a deleted row (see the refused model above) leaves a gap
        long after = store.newestVersion().orElseThrow();
        assertThat(after).isGreaterThan(before);
        assertThat(registry.detector().model().version()).isEqualTo("v" + after);
    }

    /** A trade every 5 s: 3,600 trades are 5 hours, 2 of them after the 3-hour warm-up. */
    private static void archiveRandomWalk(int count) {
        var ticks = new TickArchive(archiveDirectory(), 1_000_000, Duration.ofHours(1), Clock.systemUTC());
        var random = new SplittableRandom(11);
        double price = 50;
        for (int i = 0; i < count; i++) {
            price *= Math.exp(0.001 * random.nextGaussian());
            ticks.append(7, i, Tick.live("simulator", "simulator", "DOGE/USD",
                    Instant.parse("2026-11-20T10:00:00Z").plusSeconds(5L * i), price, Math.exp(random.nextGaussian()),
                    "m" + i, "B"));
        }
        ticks.seal(7);
    }
}
