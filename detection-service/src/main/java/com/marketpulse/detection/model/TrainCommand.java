package com.marketpulse.detection.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The {@code train} command: trains a forest from the Parquet archive and stores it as the newest model. Exit
 * code 0 when a model was stored, 3 when the archive holds too little history.
 */
@Component
@ConditionalOnProperty(name = "marketpulse.detection.command", havingValue = "train")
class TrainCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int NOT_ENOUGH_HISTORY = 3;
    private static final Logger log = LoggerFactory.getLogger(TrainCommand.class);

    private final ModelRegistry registry;
    private int exitCode;

    TrainCommand(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (registry.retrain()) {
            log.info("Trained and stored model {}; running detection services switch to it within their refresh "
                    + "interval", registry.detector().model().version());
        } else {
            log.warn("No model trained: the archive holds too little history");
            exitCode = NOT_ENOUGH_HISTORY;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
