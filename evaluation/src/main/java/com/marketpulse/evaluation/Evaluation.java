package com.marketpulse.evaluation;

import com.marketpulse.events.AlertType;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the evaluation: per seed, a labelled stream (the configured simulator) and an anomaly-free stream (the same
 * simulator with injection off), each through a fresh {@link DetectionPipeline} with the deployed configuration.
 */
final class Evaluation {

    /** Everything measured. */
    record Result(Map<AlertType, TypeMetrics> labelled, double labelledSymbolDays, Map<AlertType, Integer> quietAlerts,
                  double quietSymbolDays, long labelledTicks, long quietTicks, String modelVersion) {

        /** Alerts of a type per symbol per day on anomaly-free streams; NaN when none were run. */
        double falseAlertsPerSymbolDay(AlertType type) {
            return quietSymbolDays > 0 ? quietAlerts.get(type) / quietSymbolDays : Double.NaN;
        }

        /**
         * Precision with the false alerts of the labelled streams estimated from the anomaly-free rate: labels cover
         * a large part of a labelled stream's time, so a false alert there often overlaps a label by chance and
         * counts as true or cross-type; the anomaly-free streams show the rate without that luck.
         */
        double estimatedPrecision(AlertType type) {
            int truePositives = labelled.get(type).truePositives();
            double expectedFalse = falseAlertsPerSymbolDay(type) * labelledSymbolDays;
            return truePositives + expectedFalse > 0 ? truePositives / (truePositives + expectedFalse) : Double.NaN;
        }

        double falseAlertsPerSymbolDay() {
            int total = quietAlerts.values().stream().mapToInt(Integer::intValue).sum();
            return quietSymbolDays > 0 ? total / quietSymbolDays : Double.NaN;
        }
    }

    private final DeployedConfig config;
    private final EvaluationArgs args;

    Evaluation(DeployedConfig config, EvaluationArgs args) {
        this.config = config;
        this.args = args;
    }

    List<String> symbols() {
        return args.symbols().isEmpty() ? config.symbols() : args.symbols();
    }

    Result run() {
        var matching = new Matching(args.grace());
        Map<AlertType, TypeMetrics> labelled = new EnumMap<>(AlertType.class);
        Map<AlertType, Integer> quiet = new EnumMap<>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            labelled.put(type, TypeMetrics.empty(type));
            quiet.put(type, 0);
        }
        double quietSymbolDays = 0;
        double labelledSymbolDays = 0;
        long labelledTicks = 0;
        long quietTicks = 0;
        String version = "";
        Clock clock = Clock.fixed(StreamRun.START, ZoneOffset.UTC);
        for (long seed : args.seeds()) {
            var model = args.model().build(config, seed);
            version = model.version();
            Recording withAnomalies = StreamRun.record(config.simulator().withSeed(seed), symbols(),
                    EvaluationArgs.ofHours(args.hours()), DetectionPipeline.of(config, model, clock));
            matching.match(withAnomalies).forEach((type, metrics) -> labelled.merge(type, metrics, TypeMetrics::plus));
            labelledTicks += withAnomalies.ticks();
            labelledSymbolDays += withAnomalies.symbolDays();
            if (args.quietHours() > 0) {
                Recording calm = StreamRun.record(config.simulator().withSeed(seed).withoutAnomalies(), symbols(),
                        EvaluationArgs.ofHours(args.quietHours()), DetectionPipeline.of(config, model, clock));
                calm.episodes().forEach(e -> quiet.merge(e.type(), 1, Integer::sum));
                quietSymbolDays += calm.symbolDays();
                quietTicks += calm.ticks();
            }
        }
        return new Result(labelled, labelledSymbolDays, quiet, quietSymbolDays, labelledTicks, quietTicks, version);
    }
}
