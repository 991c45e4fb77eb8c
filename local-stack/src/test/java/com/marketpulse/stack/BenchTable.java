package com.marketpulse.stack;

import java.util.Locale;

/** The pipeline benchmark's result as the plain-text table it prints. */
final class BenchTable {

    private BenchTable() {
    }

    static String render(PipelineBenchmark.Result result) {
        StringBuilder out = new StringBuilder("\nMarketPulse pipeline benchmark, " + result.machine() + ", "
                + result.measuredAt() + "\n\n");
        KafkaCeiling.Rates kafka = result.kafka();
        out.append(line("Kafka on the same broker (%d records of %d bytes, acks=all, idempotent, linger 5 ms):",
                kafka.records(), kafka.recordBytes()));
        for (KafkaCeiling.Rates rates : result.ceilings()) {
            out.append(line("  produce %,.0f/s   produce+consume at once %,.0f/s   consume alone %,.0f/s%s",
                    rates.produced(), rates.passThrough(), rates.consumed(), rates == kafka ? "   (the ceiling)" : ""));
        }
        for (PipelineRun.Figures run : result.runs()) {
            out.append(line("\n%d symbols, %,d ticks replayed at max speed (live path: ingestion's replay → "
                    + "market.crypto): end to end %,.0f ticks/s in %.1f s = %.0f %% of Kafka's pass-through",
                    run.symbols(), run.ticks(), run.endToEndTicksPerSecond(), run.seconds(),
                    100 * run.endToEndTicksPerSecond() / kafka.passThrough()));
            out.append(line("  %-42s %12s %12s %10s %9s", "stage", "count", "per second", "vs Kafka", "done at"));
            for (PipelineRun.StageFigure stage : run.stages()) {
                out.append(line("  %-42s %12s %12s %10s %8.1fs", stage.stage(), "%,d".formatted(stage.count()),
                        rate(stage.perSecond()), stage.unit().equals("ticks") && !Double.isNaN(stage.perSecond())
                                ? "%.0f %%".formatted(100 * stage.perSecond() / kafka.passThrough()) : "",
                        stage.seconds()));
            }
            out.append(line("  %-42s %12s %12s %12s", "process", "CPU (cores)", "CPU µs/tick", "peak RSS MiB"));
            for (PipelineRun.ProcessFigure process : run.processes()) {
                out.append(line("  %-42s %12.2f %12.1f %12.0f", process.process(), process.cpuCores(),
                        process.cpuMicrosPerTick(), process.peakRssMiB()));
            }
            out.append(line("  %-42s %12.2f %12.1f %12.0f  (PSS, shared pages once: %.0f MiB)", "the stack together",
                    run.stackCores(), run.stackCpuMicrosPerTick(), run.stackPeakRssMiB(), run.stackPeakPssMiB()));
            out.append(line("  machine busy %.2f cores (%.2f outside the stack); slowest tick stage: %s",
                    run.machineBusyCores(), run.machineBusyCores() - run.stackCores(), run.slowestTickStage()));
        }
        PipelineBenchmark.Latency latency = result.latency();
        if (latency != null) {
            out.append(line("\nTick → SSE alert at %,.0f ticks/s (%d symbols, fake Alpaca → ingestion → ... → "
                    + "/api/alerts/stream): %d alerts, p50 %.1f ms, p99 %.1f ms, max %.1f ms", latency.ticksPerSecond(),
                    latency.symbols(), latency.alerts(), latency.p50Millis(), latency.p99Millis(),
                    latency.maxMillis()));
            if (latency.hops() != null) {
                out.append(line("  %-62s %7s %9s %9s %9s", "where the time went (per alert)", "alerts", "p50 ms",
                        "p99 ms", "max ms"));
                for (AlertLatency.Hop hop : latency.hops()) {
                    out.append(line("  %-62s %7d %9.1f %9.1f %9.1f", hop.hop(), hop.alerts(), hop.p50Millis(),
                            hop.p99Millis(), hop.maxMillis()));
                }
            }
        }
        return out.toString();
    }

    /** A stage's rate: below 10 a second with two decimals (7 alerts in a minute are not "0"), none as "n/a". */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, perSecond < 10 ? "%.2f" : "%,.0f", perSecond);
    }

    private static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format, args) + "\n";
    }
}
