package com.marketpulse.dashboard.system.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.Element;

import com.marketpulse.api.contract.StatusReport;

class PipelineStatusPanelTest {

    private static Stream<Element> tree(Element root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(PipelineStatusPanelTest::tree));
    }

    @ParameterizedTest
    @CsvSource({"0, 0 alerts in the last hour", "1, 1 alert in the last hour", "2, 2 alerts in the last hour",
            "7, 7 alerts in the last hour"})
    void theSummaryCountsAlertsInTheRightNumber(long count, String expected) {
        var panel = new PipelineStatusPanel(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));

        panel.show(new StatusReport("UP", null, List.of(), List.of(), "iforest-1", count, List.of(), List.of()));

        String summary = tree(panel.getElement()).filter(e -> "pipeline-summary".equals(e.getAttribute("id")))
                .findFirst().orElseThrow().getText();
        assertThat(summary).isEqualTo("model iforest-1 · " + expected);
    }

    @Test
    void showsWhichInstanceOwnsWhichPartitionsAndNothingWhenNotToldSo() {
        var panel = new PipelineStatusPanel(Clock.systemUTC());
        var owners = List.of(
                new StatusReport.PartitionOwner("detection-scorer", "detection-service-0", "/127.0.0.1",
                        List.of("market.features-0", "market.features-1")),
                new StatusReport.PartitionOwner("detection-scorer", "detection-service-2-0", "/127.0.0.1",
                        List.of("market.features-2")),
                new StatusReport.PartitionOwner("ingestion-source-lease", "ingestion-service-2-lease", "/127.0.0.1",
                        List.of()));

        panel.show(new StatusReport("UP", null, List.of(), List.of(), null, 0, List.of(), owners));
        Grid<?> grid = (Grid<?>) tree(panel.getElement()).filter(e -> "pipeline-owners".equals(e.getAttribute("id")))
                .findFirst().orElseThrow().getComponent().orElseThrow();
        assertThat(grid.isVisible()).isTrue();
        assertThat(grid.getGenericDataView().getItems().map(Object.class::cast).toList())
                .containsExactlyElementsOf(owners);

        panel.show(new StatusReport("UP", null, List.of(), List.of(), null, 0, List.of(), List.of()));
        assertThat(grid.isVisible()).as("an anonymous report carries no owners").isFalse();
    }
}
