package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.stack.StageOffsets.Stage;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineRunTest {

    private static final long TICKS = 100_000;
    private static final long HALF_SECOND = 500_000_000L;

    /** Counts of every stage: ticks through ingestion and feature-service as given, the archive as given. */
    private static Map<Stage, Long> counts(long ingested, long read, long archived) {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            counts.put(stage, 0L);
        }
        counts.put(Stage.INGESTED, ingested);
        counts.put(Stage.FEATURE_READ, read);
        counts.put(Stage.ARCHIVED, archived);
        return counts;
    }

    private static ProcessStats.Reading at(int halfSeconds) {
        return new ProcessStats.Reading(Map.of("feature-service", new ProcessStats.Usage(halfSeconds, 1 << 20, 1 << 20)),
                halfSeconds, halfSeconds * HALF_SECOND);
    }

    private static PipelineRun.StageFigure stage(PipelineRun.Figures figures, Stage stage) {
        return figures.stages().stream().filter(s -> s.stage().equals(stage.label)).findFirst().orElseThrow();
    }

    @Test
    void aStageWhoseCountJumpsAtOnceGetsItsRateOverTheTimeItTookNotNaN() {
        PipelineRun run = new PipelineRun(counts(0, 0, 0));
        run.add(counts(0, 0, 0), at(1));
        // ingestion and feature-service move steadily over 10 s ...
        for (int i = 1; i <= 20; i++) {
            run.add(counts(TICKS * i / 20, TICKS * i / 20, 0), at(1 + i));
        }
        // ... the archive seals its files by age: every tick at once, 30 s after the first tick was published
        for (int i = 21; i <= 60; i++) {
            run.add(counts(TICKS, TICKS, 0), at(1 + i));
        }
        run.add(counts(TICKS, TICKS, TICKS), at(62));

        PipelineRun.Figures figures = run.figures(3, TICKS);

        PipelineRun.StageFigure archived = stage(figures, Stage.ARCHIVED);
        assertThat(archived.seconds()).isEqualTo(30.0);
        assertThat(archived.perSecond()).isCloseTo(TICKS / 30.0, org.assertj.core.data.Offset.offset(1.0));
        // a steady stage keeps its 10 % → 90 % rate
        assertThat(stage(figures, Stage.FEATURE_READ).perSecond())
                .isCloseTo(10_000, org.assertj.core.data.Offset.offset(1.0));
    }
}
