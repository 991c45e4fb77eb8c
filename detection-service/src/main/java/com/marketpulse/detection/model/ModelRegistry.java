package com.marketpulse.detection.model;

import com.marketpulse.detection.DetectionProperties;
import com.marketpulse.detection.MarketProperties;
import com.marketpulse.detection.scoring.Detector;
import com.marketpulse.detection.scoring.DetectorModel;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The detector in use. Scoring threads read it without locking; a new model replaces it atomically, so a
 * retrained forest takes over without a restart.
 * <p>
 * At start: the newest stored model; if none is stored, one trained from the tick archive; if the archive holds
 * too little history, one bootstrapped from simulated normal feature vectors, which the log says plainly. Every
 * model made here is stored first, so all instances and every alert refer to a stored version.
 */
@Component
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final DetectionProperties properties;
    private final int priceWindow;
    private final ModelStore store;
    private final ModelTrainer trainer;
    private final Clock clock;
    private final AtomicReference<Detector> current = new AtomicReference<>();

    ModelRegistry(DetectionProperties properties, MarketProperties market, ModelStore store, ModelTrainer trainer,
                  Clock clock) {
        this.properties = properties;
        this.priceWindow = market.features().priceWindow();
        this.store = store;
        this.trainer = trainer;
        this.clock = clock;
        if (properties.model().loadOnStart()) {
            start();
        }
    }

    /** The detector to score the next vector with. */
    public Detector detector() {
        Detector detector = current.get();
        if (detector == null) {
            throw new IllegalStateException("no detector model is loaded");
        }
        return detector;
    }

    /** Swaps in a new model; vectors being scored finish with the old one. */
    public void use(DetectorModel model) {
        Detector previous = current.getAndSet(new Detector(model, properties.rules(), priceWindow));
        log.info("Detector model {} ({}, {} rows, trained {}) is in use{}", model.version(), model.source(),
                model.trainingRows(), model.trainedAt(),
                previous == null ? "" : ", replacing " + previous.model().version());
    }

    /** Switches to the newest stored model if it is newer than the one in use (e.g. trained by another process). */
    public void refresh() {
        OptionalLong newest = store.newestVersion();
        if (newest.isPresent() && newest.getAsLong() > versionInUse()) {
            store.load(newest.getAsLong()).ifPresent(this::use);
        }
    }

    /** Trains from the archive, stores and uses the result; keeps the current model when history is too short. */
    public boolean retrain() {
        return trainer.train().map(training -> {
            use(store.save(training.model(), training.notes()));
            return true;
        }).orElse(false);
    }

    /**
     * The scheduled retraining: trains unless a model was stored less than {@code 0.9 × interval} ago (by another
     * instance or the train command), in which case it only switches to the newest stored model.
     */
    public void retrainIfDue(Duration interval) {
        var recent = store.newestTrainedAt()
                .filter(t -> t.isAfter(clock.instant().minus(interval.multipliedBy(9).dividedBy(10))));
        if (recent.isPresent()) {
            refresh();
        } else if (!retrain()) {
            log.info("Scheduled retraining skipped: too little history in the archive; model {} stays",
                    detector().model().version());
        }
    }

    private void start() {
        OptionalLong newest = store.newestVersion();
        if (newest.isPresent()) {
            store.load(newest.getAsLong()).ifPresent(this::use);
            return;
        }
        if (retrain()) {
            return;
        }
        var model = properties.model();
        log.warn("No trained model and too little tick history: bootstrapping the Isolation Forest from {} "
                        + "simulated normal feature vectors (seed {}). Run the train command once the archive holds "
                        + "real ticks.", model.rows(), model.bootstrapSeed());
        DetectorModel bootstrap = DetectorModel.bootstrap("bootstrap-" + model.bootstrapSeed(), model.rows(),
                model.bootstrapSeed(), model.options(), clock.instant());
        use(store.save(bootstrap, "simulated normal regime, seed " + model.bootstrapSeed()));
    }

    private long versionInUse() {
        Detector detector = current.get();
        if (detector == null || !detector.model().version().matches("v\\d+")) {
            return 0;
        }
        return Long.parseLong(detector.model().version().substring(1));
    }
}
