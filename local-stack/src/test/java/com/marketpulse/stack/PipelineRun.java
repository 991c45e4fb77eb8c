package com.marketpulse.stack;

import com.marketpulse.stack.StageOffsets.Stage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readings of one replay through the pipeline (stage counts and process usage, taken every half second) and
 * what they say: each stage's sustained rate, the end-to-end rate, CPU and memory per process.
 */
final class PipelineRun {

    record Sample(long nanos, Map<Stage, Long> counts, ProcessStats.Reading usage) {
    }

    /** @param perSecond sustained: between 10 % and 90 % of the stage's work; seconds: from the first tick to its last */
    record StageFigure(String stage, String unit, long count, double perSecond, double seconds) {
    }

    /**
     * @param cpuCores          CPU seconds per second over the run (1.0 = one core busy)
     * @param cpuMicrosPerTick  CPU time per tick replayed: less sensitive than rates to a machine shared with others
     * @param peakRssMiB        the largest RSS seen
     */
    record ProcessFigure(String process, double cpuCores, double cpuMicrosPerTick, double peakRssMiB) {
    }

    /** @param stackPeakPssMiB the stack's memory at its peak, each shared page counted once (see ProcessStats.Usage) */
    record Figures(int symbols, long ticks, double endToEndTicksPerSecond, double seconds,
                   List<StageFigure> stages, List<ProcessFigure> processes, double stackPeakRssMiB,
                   double stackPeakPssMiB, double machineBusyCores, double stackCores, double stackCpuMicrosPerTick,
                   String slowestTickStage) {
    }

    private final Map<Stage, Long> baseline;
    private final List<Sample> samples = new ArrayList<>();

    PipelineRun(Map<Stage, Long> baseline) {
        this.baseline = new EnumMap<>(baseline);
    }

    void add(Map<Stage, Long> counts, ProcessStats.Reading usage) {
        Map<Stage, Long> delta = new EnumMap<>(Stage.class);
        counts.forEach((stage, count) -> delta.put(stage, count - baseline.get(stage)));
        samples.add(new Sample(usage.nanos(), delta, usage));
    }

    long latest(Stage stage) {
        return samples.isEmpty() ? 0 : samples.getLast().counts().get(stage);
    }

    /** Whether every tick was read by both consumers of market.crypto and every grid step written was scored. */
    boolean done(long ticks) {
        return latest(Stage.FEATURE_READ) >= ticks && latest(Stage.ARCHIVED) >= ticks
                && latest(Stage.SCORED) >= latest(Stage.FEATURES_WRITTEN);
    }

    /** The time of the last sample at which anything moved, for telling a stall from slow progress. */
    long lastProgressNanos() {
        for (int i = samples.size() - 1; i > 0; i--) {
            if (!samples.get(i).counts().equals(samples.get(i - 1).counts())) {
                return samples.get(i).nanos();
            }
        }
        return samples.isEmpty() ? System.nanoTime() : samples.getFirst().nanos();
    }

    Figures figures(int symbols, long ticks) {
        Sample first = samples.stream().filter(s -> s.counts().get(Stage.INGESTED) > 0).findFirst()
                .orElse(samples.getFirst());
        Sample last = samples.getLast();
        // end to end: every tick through feature-service and every grid step it made scored (the archive seals
        // its files by age too, so its last commit may come later; it has its own line)
        Sample through = samples.stream().filter(s -> s.counts().get(Stage.FEATURE_READ) >= ticks
                && s.counts().get(Stage.SCORED) >= s.counts().get(Stage.FEATURES_WRITTEN)).findFirst().orElse(last);
        double seconds = (through.nanos() - first.nanos()) / 1e9;
        double overall = (last.nanos() - first.nanos()) / 1e9;
        List<StageFigure> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            long count = last.counts().get(stage);
            stages.add(new StageFigure(stage.label, stage.unit, count, sustained(stage, count, first),
                    (finished(stage, count).nanos() - first.nanos()) / 1e9));
        }
        Map<String, ProcessStats.Usage> from = first.usage().parts();
        Map<String, ProcessStats.Usage> to = last.usage().parts();
        List<ProcessFigure> processes = new ArrayList<>();
        Map<String, Double> peaks = new LinkedHashMap<>();
        double stackPeak = 0;
        double stackPeakPss = 0;
        double stackCpu = 0;
        for (Sample sample : samples.subList(samples.indexOf(first), samples.size())) {
            double total = 0;
            double pss = 0;
            for (var part : sample.usage().parts().entrySet()) {
                peaks.merge(part.getKey(), part.getValue().rssBytes() / 1048576.0, Math::max);
                total += part.getValue().rssBytes() / 1048576.0;
                pss += part.getValue().pssBytes() / 1048576.0;
            }
            stackPeak = Math.max(stackPeak, total);
            stackPeakPss = Math.max(stackPeakPss, pss);
        }
        for (String part : to.keySet()) {
            double cpu = to.get(part).cpuSeconds() - from.get(part).cpuSeconds();
            stackCpu += cpu;
            processes.add(new ProcessFigure(part, cpu / overall, cpu * 1e6 / ticks, peaks.getOrDefault(part, 0.0)));
        }
        double machine = (last.usage().machineBusySeconds() - first.usage().machineBusySeconds()) / overall;
        String slowest = stages.stream().filter(s -> s.unit().equals("ticks"))
                .min(java.util.Comparator.comparingDouble(StageFigure::perSecond)).map(StageFigure::stage).orElse("?");
        return new Figures(symbols, ticks, ticks / seconds, seconds, stages, processes, stackPeak, stackPeakPss,
                machine, stackCpu / overall, stackCpu * 1e6 / ticks, slowest);
    }

    /**
     * The rate between the samples at which the stage had done 10 % and 90 % of its work. When both fall in one
     * sample (a stage whose count jumps at once, as the archive's does when files are sealed by age), the rate over
     * the whole time it took ({@code count} over "done at", from {@code first}): there is no interval to divide by.
     */
    private double sustained(Stage stage, long total, Sample first) {
        if (total <= 0) {
            return 0;
        }
        Sample from = reached(stage, total / 10);
        Sample to = reached(stage, total - total / 10);
        if (to.nanos() <= from.nanos()) {
            to = finished(stage, total);
        }
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        if (seconds > 0) {
            return (to.counts().get(stage) - from.counts().get(stage)) / seconds;
        }
        double whole = (to.nanos() - first.nanos()) / 1e9;
        return whole <= 0 ? Double.NaN : total / whole;
    }

    private Sample reached(Stage stage, long count) {
        return samples.stream().filter(s -> s.counts().get(stage) >= count).findFirst().orElse(samples.getLast());
    }

    private Sample finished(Stage stage, long total) {
        return reached(stage, total);
    }
}
