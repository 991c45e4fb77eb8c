package com.marketpulse.dashboard.alert.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ObjIntConsumer;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.dashboard.alert.AlertText;
import com.marketpulse.dashboard.alert.Snoozes;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Alerts, newest first: time, coin, type, direction, a severity badge, the explanation and (the user's own) Snooze. */
public final class AlertGrid extends Grid<AlertDto> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Below this window width (px) the grid drops the type and direction columns and the date. */
    static final int PHONE_WIDTH = 640;

    private final Clock clock;
    private ZoneId zone = ZoneId.of("UTC");
    private boolean compact;
    private @Nullable Registration resizeListener;
    private Snoozes snoozes = Snoozes.NONE;
    private final Column<AlertDto> typeColumn;
    private final Column<AlertDto> directionColumn;

    public AlertGrid(Clock clock) {
        this.clock = clock;
        addClassName("alert-grid");
        addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
        addColumn(alert -> (compact ? SHORT_TIME : TIME).format(alert.eventTime().atZone(zone)) + " · "
                + AlertText.ago(alert.eventTime(), clock.instant()))
                .setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        addColumn(AlertDto::symbol).setHeader("Coin").setAutoWidth(true).setFlexGrow(0);
        typeColumn = addColumn(alert -> AlertText.type(alert.type())).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        directionColumn = addColumn(alert -> AlertText.direction(alert.direction()))
                .setHeader("Direction").setAutoWidth(true).setFlexGrow(0);
        addColumn(new ComponentRenderer<>(AlertGrid::severityBadge))
                .setHeader("Severity").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.CENTER);
        addColumn(new ComponentRenderer<>(AlertGrid::explanation)).setHeader("Explanation").setFlexGrow(1);
        setEmptyStateText("No alerts yet.");
    }

    /**
     * Adds "Snooze" to every row (for the user's own alerts): {@code snooze} gets the alert and the minutes chosen, 0
     * to end the coin's snooze. A row keeps its cell when re-rendered, so a menu opened on it stays open.
     */
    public void offerSnooze(ObjIntConsumer<AlertDto> snooze) {
        addColumn(new ComponentRenderer<SnoozeCell, AlertDto>(
                alert -> new SnoozeCell(alert, snooze).show(snoozes.of(alert.symbol(), clock.instant()),
                        clock.instant(), zone),
                (current, alert) -> (current instanceof SnoozeCell cell && cell.alert().id().equals(alert.id())
                        ? cell : new SnoozeCell(alert, snooze))
                        .show(snoozes.of(alert.symbol(), clock.instant()), clock.instant(), zone)))
                .setHeader("").setAutoWidth(true).setFlexGrow(0);
    }

    /** Which coins are snoozed, shown on their rows. */
    public void showSnoozes(Snoozes current) {
        snoozes = current;
        getDataProvider().refreshAll();
    }

    /** Times are shown in the browser's time zone once it is known. */
    public void setZone(ZoneId zone) {
        this.zone = zone;
        getDataProvider().refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        var page = attach.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fitWidth(details.getWindowInnerWidth()));
        resizeListener = page.addBrowserWindowResizeListener(resize -> fitWidth(resize.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (resizeListener != null) {
            resizeListener.remove();
            resizeListener = null;
        }
        super.onDetach(detach);
    }

    /** On a phone-sized window the type and direction columns give way (severity and explanation stay), times lose the date. */
    void fitWidth(int windowWidth) {
        boolean narrow = windowWidth > 0 && windowWidth < PHONE_WIDTH;
        if (narrow != compact) {
            compact = narrow;
            typeColumn.setVisible(!narrow);
            directionColumn.setVisible(!narrow);
            getDataProvider().refreshAll();
        }
    }

    /** Re-renders the rows, so that "… ago" stays true while the page is open. */
    public void refreshAges() {
        getDataProvider().refreshAll();
    }

    public void show(List<AlertDto> alerts) {
        setItems(alerts);
    }

    /** The explanation and, where the API gives it, what the move did to the user's holding. */
    static Div explanation(AlertDto alert) {
        var cell = new Div(new Span(alert.explanation() == null ? "" : alert.explanation()));
        if (alert.impact() != null) {
            var impact = new Span(alert.impact().text());
            impact.addClassName("impact");
            impact.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Display.BLOCK,
                    alert.impact().amount() < 0 ? LumoUtility.TextColor.ERROR : LumoUtility.TextColor.SUCCESS);
            cell.add(impact);
        }
        return cell;
    }

    static Badge severityBadge(AlertDto alert) {
        String level = alert.level() == null ? "" : alert.level().name();
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
