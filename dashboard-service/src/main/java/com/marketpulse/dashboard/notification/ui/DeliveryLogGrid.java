package com.marketpulse.dashboard.notification.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.marketpulse.api.contract.DeliveryLogEntry;
import com.marketpulse.api.contract.DeliveryLogEntry.DeliveryAttempt;
import com.marketpulse.api.contract.DeliveryLogEntry.Digest;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/** The delivery log, newest first: when, to which channel, which alert (or a test), its state and every attempt. */
final class DeliveryLogGrid extends Grid<DeliveryLogEntry> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private ZoneId zone = ZoneId.of("UTC");

    DeliveryLogGrid() {
        setId("delivery-log");
        addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(entry -> TIME.format(entry.createdAt().atZone(zone))).setHeader("Time").setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(DeliveryLogGrid::channel).setHeader("Channel").setAutoWidth(true);
        addColumn(new ComponentRenderer<>(this::alert)).setHeader("Alert").setFlexGrow(1);
        addColumn(new ComponentRenderer<>(DeliveryLogGrid::state)).setHeader("State").setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(new ComponentRenderer<>(this::attempts)).setHeader("Attempts").setFlexGrow(1);
        setEmptyStateText("Nothing delivered yet.");
    }

    void setZone(ZoneId zone) {
        this.zone = zone;
        getDataProvider().refreshAll();
    }

    void show(List<DeliveryLogEntry> entries) {
        setItems(entries);
    }

    private static String channel(DeliveryLogEntry entry) {
        if (entry.channelName() == null) {
            return "(removed channel)";
        }
        return entry.channelName() + " · " + String.valueOf(entry.channelType()).toLowerCase(Locale.ROOT);
    }

    Div alert(DeliveryLogEntry entry) {
        var cell = new Div();
        cell.addClassName("delivery-alert");
        if (entry.digest() != null) {
            return digest(cell, entry.digest());
        }
        if (entry.test()) {
            var badge = new Badge("Test alert");
            badge.addThemeVariants(BadgeVariant.CONTRAST);
            cell.add(badge);
            return cell;
        }
        cell.setText(entry.symbol() + " " + String.valueOf(entry.alertType()).toLowerCase(Locale.ROOT)
                .replace('_', ' ') + (entry.impact() == null ? "" : " — " + entry.impact()));
        return cell;
    }

    /** A quiet-hours digest: one message that carried these alerts, newest first, one line each. */
    private Div digest(Div cell, Digest digest) {
        cell.addClassName("delivery-digest");
        cell.getStyle().set("white-space", "pre-line");
        var badge = new Badge("Digest of " + (digest.heldUntil() == null ? "quiet hours"
                : HOUR.format(digest.heldUntil().atZone(zone))));
        badge.addThemeVariants(BadgeVariant.CONTRAST);
        String lines = digest.alerts().stream().map(alert -> alert.symbol() + " " + words(alert.alertType())
                + (alert.direction() == null ? "" : " " + words(alert.direction()))
                + (alert.impact() == null ? "" : " — " + alert.impact())).collect(Collectors.joining("\n"));
        cell.add(badge, new Div(digest.alerts().size() + " held alerts in one message:\n" + lines));
        return cell;
    }

    private static String words(String constant) {
        return String.valueOf(constant).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Badge state(DeliveryLogEntry entry) {
        var badge = new Badge(entry.state().charAt(0) + entry.state().substring(1).toLowerCase(Locale.ROOT));
        badge.addClassName("delivery-state");
        switch (entry.state()) {
            case "SENT" -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case "FAILED" -> badge.addThemeVariants(BadgeVariant.ERROR);
            default -> badge.addThemeVariants(BadgeVariant.WARNING);
        }
        return badge;
    }

    /** One line per attempt: "12:00:03 sent (HTTP 200)", "12:00:01 retry (HTTP 503)", "… failed: refused: …". */
    private Div attempts(DeliveryLogEntry entry) {
        var cell = new Div();
        cell.addClassName("delivery-attempts");
        cell.getStyle().set("white-space", "pre-line");
        String lines = entry.attempts().stream().map(this::line).collect(Collectors.joining("\n"));
        if (entry.state().equals("PENDING") && entry.nextAttemptAt() != null) {
            lines += (lines.isEmpty() ? "" : "\n") + "next try " + at(entry.nextAttemptAt());
        }
        cell.setText(lines);
        return cell;
    }

    private String line(DeliveryAttempt attempt) {
        return at(attempt.at()) + " " + attempt.outcome().toLowerCase(Locale.ROOT)
                + (attempt.httpStatus() == null ? "" : " (HTTP " + attempt.httpStatus() + ")")
                + (attempt.detail() == null || attempt.detail().equals("HTTP " + attempt.httpStatus()) ? ""
                : ": " + attempt.detail());
    }

    private String at(Instant instant) {
        return SHORT.format(instant.atZone(zone));
    }
}
