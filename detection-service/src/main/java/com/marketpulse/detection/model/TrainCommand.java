package com.marketpulse.detection.model;

import com.marketpulse.events.Symbols;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The {@code train} command: trains a forest and stores it as the newest model (running detection services switch
 * to it within their refresh interval). Without arguments it trains from the Parquet tick archive; with
 * {@code --candles FILE --symbol DOT/USD} (or {@code --candles=FILE --symbol=DOT/USD}) from a 1-minute candle file
 * of that symbol (Binance klines or a bars CSV, gzipped or not). Exit code 0 when a model was stored, 2 for bad
 * arguments, 3 when the history is too short.
 */
@Component
@ConditionalOnProperty(name = "marketpulse.detection.command", havingValue = "train")
class TrainCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int BAD_ARGUMENTS = 2;
    static final int NOT_ENOUGH_HISTORY = 3;
    private static final Logger log = LoggerFactory.getLogger(TrainCommand.class);

    private final ModelRegistry registry;
    private int exitCode;

    TrainCommand(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> raw = List.of(args.getSourceArgs());
        String candles = option(raw, "candles");
        String symbol = option(raw, "symbol");
        boolean trained;
        if (candles == null) {
            trained = registry.retrain();
        } else if (!validPair(symbol) || !Files.isRegularFile(Path.of(candles))) {
            log.error("train --candles FILE --symbol PAIR: need a readable candle file and the pair it holds "
                    + "(got file '{}', symbol '{}')", candles, symbol);
            exitCode = BAD_ARGUMENTS;
            return;
        } else {
            trained = registry.retrain(Path.of(candles), Symbols.normalize(symbol));
        }
        if (trained) {
            log.info("Trained and stored model {}; running detection services switch to it within their refresh "
                    + "interval", registry.detector().model().version());
        } else {
            log.warn("No model trained: {} holds too little history", candles == null ? "the archive" : candles);
            exitCode = NOT_ENOUGH_HISTORY;
        }
    }

    private static boolean validPair(String symbol) {
        try {
            Symbols.normalize(symbol);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code --name value} or {@code --name=value}; null when absent. */
    static String option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
            if (arg.equals("--" + name) && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                return args.get(i + 1);
            }
        }
        return null;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
