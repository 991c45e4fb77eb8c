package com.marketpulse.evaluation.real;

import com.marketpulse.detection.core.Detector;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.evaluation.DeployedConfig;
import java.nio.file.Path;
import java.time.Instant;

/** The shipped configuration (the repository's config/marketpulse.yml) and the forest a fresh stack starts with. */
final class Shipped {

    static final DeployedConfig CONFIG = DeployedConfig.load(Path.of("../config/marketpulse.yml"));

    private Shipped() {
    }

    static Detector detector() {
        var model = CONFIG.model();
        return new Detector(DetectorModel.bootstrap("bootstrap", model.rows(), model.bootstrapSeed(), model.options(),
                Instant.EPOCH), CONFIG.settings().detection());
    }
}
