package com.marketpulse.detection.model;

import com.marketpulse.detection.DetectionProperties;
import com.marketpulse.detection.MarketProperties;
import com.marketpulse.detection.scoring.Detector;
import com.marketpulse.detection.scoring.DetectorModel;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The detector in use. Scoring threads read it without locking; a new model replaces it atomically, so a
 * retrained forest takes over without a restart.
 */
@Component
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final DetectionProperties properties;
    private final int priceWindow;
    private final AtomicReference<Detector> current = new AtomicReference<>();

    ModelRegistry(DetectionProperties properties, MarketProperties market, Clock clock) {
        this.properties = properties;
        this.priceWindow = market.features().priceWindow();
        var model = properties.model();
        log.info("No trained model exists: bootstrapping the Isolation Forest from {} simulated normal feature "
                + "vectors (seed {}); train from the tick archive for a model of the real market",
                model.bootstrapRows(), model.bootstrapSeed());
        use(DetectorModel.bootstrap("bootstrap-" + model.bootstrapSeed(), model.bootstrapRows(),
                model.bootstrapSeed(), model.options(), clock.instant()));
    }

    /** The detector to score the next vector with. */
    public Detector detector() {
        return current.get();
    }

    /** Swaps in a new model; vectors being scored finish with the old one. */
    public void use(DetectorModel model) {
        Detector previous = current.getAndSet(new Detector(model, properties.rules(), priceWindow));
        log.info("Detector model {} ({}, {} rows, trained {}) is in use{}", model.version(), model.source(),
                model.trainingRows(), model.trainedAt(),
                previous == null ? "" : ", replacing " + previous.model().version());
    }
}
