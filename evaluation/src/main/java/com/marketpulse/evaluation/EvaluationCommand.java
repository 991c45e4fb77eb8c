package com.marketpulse.evaluation;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./evaluate.sh [options]}: measures precision, recall and detection delay per anomaly type on seeded,
 * labelled simulator streams, and false alerts per symbol-day on anomaly-free ones, with the deployed
 * configuration (see {@link EvaluationArgs} for the options and {@link Matching} for how alerts meet labels).
 */
public final class EvaluationCommand {

    private EvaluationCommand() {
    }

    public static void main(String[] args) {
        // Smile grows the trees of a forest in a parallel stream with thread-local random generators: with the
        // common pool's work done on this thread, Models can seed it and the same arguments give the same table.
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "0");
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        EvaluationArgs parsed;
        try {
            parsed = EvaluationArgs.parse(args);
        } catch (IllegalArgumentException e) {
            var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            err.println(e.getMessage());
            err.println(EvaluationArgs.USAGE);
            System.exit(2);
            return;
        }
        var config = DeployedConfig.load(parsed.config());
        var evaluation = new Evaluation(config, parsed);
        long began = System.nanoTime();
        Evaluation.Result result = evaluation.run();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        var rules = config.detection();
        out.printf(Locale.ROOT, "MarketPulse detection evaluation — config %s, model %s (%s)%n", parsed.config(),
                parsed.model().name().toLowerCase(Locale.ROOT), result.modelVersion());
        out.printf(Locale.ROOT, "seeds %s, symbols %s, %.1f h labelled + %.1f h anomaly-free per seed, "
                        + "%.1f anomalies/h/symbol, grace %ss, cooldown %ss%n", parsed.seeds(), evaluation.symbols(),
                parsed.hours(), parsed.quietHours(), config.simulator().anomaliesPerHour(),
                parsed.grace().toMillis() / 1000.0, rules.cooldown().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "%,d labelled + %,d anomaly-free ticks in %.1f s of wall time%n%n",
                result.labelledTicks(), result.quietTicks(), took.toMillis() / 1000.0);
        Report.print(result, out);
    }
}
