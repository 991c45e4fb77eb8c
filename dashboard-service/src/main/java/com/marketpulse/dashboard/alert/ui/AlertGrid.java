package com.marketpulse.dashboard.alert.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.marketpulse.dashboard.alert.AlertText;
import com.marketpulse.dashboard.api.AlertDto;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/** Alerts, newest first: time, coin, type, direction, a severity badge and the explanation. */
public final class AlertGrid extends Grid<AlertDto> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;
    private ZoneId zone = ZoneId.of("UTC");

    public AlertGrid(Clock clock) {
        this.clock = clock;
        addClassName("alert-grid");
        addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
        addColumn(alert -> TIME.format(alert.eventTime().atZone(zone)) + " · "
                + AlertText.ago(alert.eventTime(), clock.instant()))
                .setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        addColumn(AlertDto::symbol).setHeader("Coin").setAutoWidth(true).setFlexGrow(0);
        addColumn(alert -> AlertText.type(alert.type())).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        addColumn(alert -> AlertText.direction(alert.direction())).setHeader("Direction").setAutoWidth(true).setFlexGrow(0);
        addColumn(new ComponentRenderer<>(AlertGrid::severityBadge))
                .setHeader("Severity").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.CENTER);
        addColumn(alert -> alert.explanation() == null ? "" : alert.explanation())
                .setHeader("Explanation").setFlexGrow(1);
        setEmptyStateText("No alerts yet.");
    }

    /** Times are shown in the browser's time zone once it is known. */
    public void setZone(ZoneId zone) {
        this.zone = zone;
        getDataProvider().refreshAll();
    }

    public void show(List<AlertDto> alerts) {
        setItems(alerts);
    }

    static Badge severityBadge(AlertDto alert) {
        String level = alert.level() == null ? "" : alert.level();
        var badge = new Badge(AlertText.type(level) + " " + alert.severity());
        badge.addClassName("severity");
        switch (level) {
            case "CRITICAL" -> badge.addThemeVariants(BadgeVariant.ERROR, BadgeVariant.FILLED);
            case "HIGH" -> badge.addThemeVariants(BadgeVariant.ERROR);
            case "MEDIUM" -> badge.addThemeVariants(BadgeVariant.WARNING);
            default -> badge.addThemeVariants(BadgeVariant.CONTRAST);
        }
        return badge;
    }
}
