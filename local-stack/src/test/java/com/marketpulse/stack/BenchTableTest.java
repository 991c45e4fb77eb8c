package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    @Test
    void aSlowStageShowsItsRateWithDecimalsAndAnUnknownRateIsNotNaN() {
        KafkaCeiling.Rates kafka = new KafkaCeiling.Rates(300_000, 255, 70_000, 60_000, 300_000);
        PipelineRun.Figures run = new PipelineRun.Figures(3, 300_000, 6_000, 50, List.of(
                new PipelineRun.StageFigure("ingestion → market.crypto", "ticks", 300_000, 12_864.6, 28.5),
                new PipelineRun.StageFigure("detection archived market.crypto (sealed)", "ticks", 300_000,
                        Double.NaN, 96.6),
                new PipelineRun.StageFigure("alerts written (detection.alerts)", "alerts", 7, 0.111, 48.1)),
                List.of(), 2_600, 2_000, 1.6, 0.9, 290, "ingestion → market.crypto");

        String table = BenchTable.render(new PipelineBenchmark.Result("2 cores", Instant.EPOCH, kafka, List.of(kafka),
                List.of(run), null));

        assertThat(table).doesNotContain("NaN");
        assertThat(table).containsPattern("alerts written \\(detection.alerts\\) +7 +0\\.11 ");
        assertThat(table).containsPattern("ingestion → market.crypto +300,000 +12,865 +21 % ");
        assertThat(table).containsPattern("archived market.crypto \\(sealed\\) +300,000 +n/a +96\\.6s");
    }

    @Test
    void ratesFromTenASecondAreWholeNumbers() {
        assertThat(BenchTable.rate(9.994)).isEqualTo("9.99");
        assertThat(BenchTable.rate(10)).isEqualTo("10");
        assertThat(BenchTable.rate(1_553.2)).isEqualTo("1,553");
        assertThat(BenchTable.rate(0)).isEqualTo("0.00");
    }
}
