package com.marketpulse.dashboard.system.ui;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.StatusReport;
import com.marketpulse.dashboard.alert.AlertText;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The pipeline's health: each stage, the last tick age per coin, the model version, consumer lag and which instance
 * owns which partitions.
 */
final class PipelineStatusPanel extends Composite<VerticalLayout> {

    private final Clock clock;
    private final Badge overall = new Badge("checking…");
    private final Span summary = new Span();
    private final Grid<StatusReport.Stage> stages = new Grid<>();
    private final Grid<StatusReport.SymbolFreshness> symbols = new Grid<>();
    private final Grid<StatusReport.ConsumerLag> lag = new Grid<>();
    private final Grid<StatusReport.PartitionOwner> owners = new Grid<>();

    PipelineStatusPanel(Clock clock) {
        this.clock = clock;
        overall.setId("pipeline-status");
        summary.setId("pipeline-summary");
        summary.addClassNames(LumoUtility.TextColor.SECONDARY);
        stages.setId("pipeline-stages");
        stages.addColumn(StatusReport.Stage::name).setHeader("Stage").setAutoWidth(true).setFlexGrow(0);
        stages.addColumn(new ComponentRenderer<>(stage -> statusBadge(stage.status()))).setHeader("Status")
                .setAutoWidth(true).setFlexGrow(0);
        stages.addColumn(stage -> stage.detail() == null ? "" : stage.detail()).setHeader("Detail");
        symbols.setId("pipeline-symbols");
        symbols.addColumn(StatusReport.SymbolFreshness::symbol).setHeader("Coin").setAutoWidth(true).setFlexGrow(0);
        symbols.addColumn(s -> s.lastTickAgeSeconds() == null ? "no data yet" : s.lastTickAgeSeconds() + " s")
                .setHeader("Last tick age").setAutoWidth(true).setFlexGrow(0);
        symbols.addColumn(s -> ago(s.lastBarTime())).setHeader("Last bar");
        symbols.addColumn(s -> ago(s.lastAlertTime())).setHeader("Last alert");
        lag.setId("pipeline-lag");
        lag.addColumn(StatusReport.ConsumerLag::group).setHeader("Consumer group");
        lag.addColumn(StatusReport.ConsumerLag::topic).setHeader("Topic");
        lag.addColumn(StatusReport.ConsumerLag::lag).setHeader("Lag (records)").setAutoWidth(true).setFlexGrow(0);
        owners.setId("pipeline-owners");
        owners.addColumn(StatusReport.PartitionOwner::group).setHeader("Consumer group");
        owners.addColumn(StatusReport.PartitionOwner::member).setHeader("Instance (client id)");
        owners.addColumn(o -> o.partitions().isEmpty() ? "none (idle or standby)" : String.join(", ", o.partitions()))
                .setHeader("Partitions");
        for (Grid<?> grid : new Grid<?>[] {stages, symbols, lag, owners}) {
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.NO_BORDER);
        }
        var head = new FlexLayout(new H3("Pipeline"), overall, summary);
        head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        head.setAlignItems(FlexLayout.Alignment.BASELINE);
        head.addClassNames(LumoUtility.Gap.MEDIUM);
        var layout = getContent();
        layout.setPadding(false);
        layout.add(head, stages, new Div(symbols), lag, owners);
    }

    void show(StatusReport status) {
        overall.removeThemeVariants(BadgeVariant.values());
        overall.setText(status.status());
        overall.addThemeVariants("UP".equals(status.status()) ? BadgeVariant.SUCCESS : BadgeVariant.WARNING);
        summary.setText("model " + (status.modelVersion() == null ? "not yet known" : status.modelVersion())
                + " · " + alertCount(status.alertsLastHour()) + " in the last hour"
                + (status.checkedAt() == null ? "" : " · checked " + AlertText.ago(status.checkedAt(), clock.instant())));
        stages.setItems(status.stages());
        symbols.setItems(status.symbols());
        lag.setItems(status.consumerLag());
        lag.setVisible(!status.consumerLag().isEmpty());
        owners.setItems(status.partitionOwners());
        owners.setVisible(!status.partitionOwners().isEmpty());
    }

    void unavailable(String message) {
        overall.removeThemeVariants(BadgeVariant.values());
        overall.setText("UNKNOWN");
        overall.addThemeVariants(BadgeVariant.ERROR);
        summary.setText(message);
    }

    static String alertCount(long count) {
        return count + (count == 1 ? " alert" : " alerts");
    }

    private String ago(@Nullable Instant time) {
        return time == null ? "–" : AlertText.ago(time, clock.instant());
    }

    private static Badge statusBadge(String status) {
        var badge = new Badge(status);
        badge.addThemeVariants(switch (status) {
            case "UP" -> BadgeVariant.SUCCESS;
            case "DOWN" -> BadgeVariant.ERROR;
            default -> BadgeVariant.CONTRAST;
        });
        return badge;
    }
}
