package com.marketpulse.evaluation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.convert.DurationStyle;

/**
 * The command line of the evaluation.
 *
 * @param config     the shared configuration file ({@code --config}, default {@code MARKETPULSE_CONFIG} or
 *                   {@code config/marketpulse.yml})
 * @param seeds      one labelled and one anomaly-free stream per seed ({@code --seeds 1,2,3}, default 1)
 * @param symbols    the pairs ({@code --symbols BTC/USD,ETH/USD}, default {@code marketpulse.symbols}); empty = config
 * @param hours      simulated market per labelled stream ({@code --hours}, default 24)
 * @param quietHours simulated market per anomaly-free stream ({@code --quiet-hours}, default 24)
 * @param grace      how long after a label's end an alert still matches it ({@code --grace}, default 10s)
 * @param model      {@code --model bootstrap} (default, a fresh stack) or {@code archive} (after retraining)
 */
record EvaluationArgs(Path config, List<Long> seeds, List<String> symbols, double hours, double quietHours,
                      Duration grace, Models model) {

    static final String USAGE = """
            usage: evaluate.sh [--seeds 1,2,3] [--hours 24] [--quiet-hours 24] [--symbols BTC/USD,ETH/USD,SOL/USD]
                               [--grace 10s] [--model bootstrap|archive] [--config config/marketpulse.yml]""";

    EvaluationArgs {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed is needed");
        }
        if (seeds.contains(0L)) {
            throw new IllegalArgumentException("seed 0 means a random seed to the simulator: pick another");
        }
        if (!(hours > 0) || !(quietHours >= 0)) {
            throw new IllegalArgumentException("--hours must be positive and --quiet-hours not negative");
        }
    }

    static EvaluationArgs parse(String... args) {
        Path config = DeployedConfig.defaultFile();
        List<Long> seeds = List.of(1L);
        List<String> symbols = List.of();
        double hours = 24;
        double quietHours = 24;
        Duration grace = Duration.ofSeconds(10);
        Models model = Models.BOOTSTRAP;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--config" -> config = Path.of(value);
                case "--seeds" -> seeds = Arrays.stream(value.split(",")).map(String::trim).map(Long::valueOf).toList();
                case "--symbols" -> symbols = Arrays.stream(value.split(",")).map(String::trim).toList();
                case "--hours" -> hours = Double.parseDouble(value);
                case "--quiet-hours" -> quietHours = Double.parseDouble(value);
                case "--grace" -> grace = DurationStyle.detectAndParse(value);
                case "--model" -> model = Models.valueOf(value.toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new EvaluationArgs(config, new ArrayList<>(seeds), symbols, hours, quietHours, grace, model);
    }

    static Duration ofHours(double hours) {
        return Duration.ofNanos(Math.round(hours * 3600e9));
    }
}
