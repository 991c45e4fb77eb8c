package com.marketpulse.detection.model;

import com.marketpulse.detection.DetectionServiceProperties;
import com.marketpulse.detection.core.DetectionSettings;
import com.marketpulse.detection.core.Detector;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.settings.MarketPulseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The detector in use (detection-core's {@link Detector} over the newest model and the configured
 * {@link DetectionSettings}). Scoring threads read it without locking; a new model replaces it atomically and is
 * handed to every subscriber ({@link #onSwap}, e.g. the scoring pipeline), so a retrained forest takes over
 * without a restart.
 * <p>
 * At start: the newest stored model; if none is stored, one trained from the tick archive; if the archive holds
 * too little history, one bootstrapped from simulated normal grid steps, which the log says plainly. Every
 * model made here is stored first, so all instances and every alert refer to a stored version.
 */
@Component
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final DetectionServiceProperties properties;
    private final DetectionSettings settings;
    private final ModelStore store;
    private final ModelTrainer trainer;
    private final Clock clock;
    private final AtomicReference<Detector> current = new AtomicReference<>();
    private final List<Consumer<Detector>> subscribers = new CopyOnWriteArrayList<>();
    /** The newest stored version that could not be read, so that it is refused once, not at every refresh. */
    private volatile long refusedVersion;

    ModelRegistry(DetectionServiceProperties properties, MarketPulseSettings shared, ModelStore store,
                  ModelTrainer trainer, Clock clock) {
        this.properties = properties;
        this.settings = shared.detection();
        this.store = store;
        this.trainer = trainer;
        this.clock = clock;
        if (properties.model().loadOnStart()) {
            start();
        }
    }

    /** Hands every later detector (a new model) to {@code subscriber}. */
    public void onSwap(Consumer<Detector> subscriber) {
        subscribers.add(subscriber);
    }

    /** The detector to score the next grid step with. */
    public Detector detector() {
        Detector detector = current.get();
        if (detector == null) {
            throw new IllegalStateException("no detector model is loaded");
        }
        return detector;
    }

    /** Swaps in a new model; steps being scored finish with the old one. */
    public void use(DetectorModel model) {
        Detector detector = new Detector(model, settings);
        Detector previous = current.getAndSet(detector);
        subscribers.forEach(subscriber -> subscriber.accept(detector));
        log.info("Detector model {} ({}, {} rows, trained {}) is in use{}", model.version(), model.source(),
                model.trainingRows(), model.trainedAt(),
                previous == null ? "" : ", replacing " + previous.model().version());
    }

    /** Switches to the newest stored model if it is newer than the one in use (e.g. trained by another process). */
    public void refresh() {
        OptionalLong newest = store.newestVersion();
        if (newest.isPresent() && newest.getAsLong() > versionInUse() && newest.getAsLong() != refusedVersion) {
            try {
                store.load(newest.getAsLong()).ifPresent(this::use);
            } catch (IllegalArgumentException e) {
                // a row that is no forest of ours (or a crafted one, beyond the deserialization filter's limits)
                // must not take the detector down: keep scoring with the model in use and say why, once
                refusedVersion = newest.getAsLong();
                log.error("Stored model {} is refused and model {} stays in use: {}",
                        ModelStore.versionName(refusedVersion), detector().model().version(), e.getMessage());
            }
        }
    }

    /** Trains from the archive, stores and uses the result; keeps the current model when history is too short. */
    public boolean retrain() {
        return store(trainer.train());
    }

    /**
     * Trains from one symbol's 1-minute candle file, stores and uses the result; keeps the current model when the
     * file holds too little history.
     */
    public boolean retrain(Path candles, String symbol) {
        return store(trainer.train(candles, symbol));
    }

    private boolean store(Optional<ModelTrainer.Training> training) {
        return training.map(t -> {
            use(store.save(t.model(), t.notes()));
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
                        + "simulated normal grid steps (seed {}). Run the train command once the archive holds "
                        + "real ticks, or on a candle file (train --candles FILE --symbol BTC/USD).", model.rows(),
                model.bootstrapSeed());
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
