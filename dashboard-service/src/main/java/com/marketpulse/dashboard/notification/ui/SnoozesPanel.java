package com.marketpulse.dashboard.notification.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import com.marketpulse.api.contract.Snooze;
import com.marketpulse.dashboard.alert.Snoozes;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.NotificationClient;
import com.marketpulse.dashboard.base.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * The coins snoozed now (snoozed from an alert on My dashboard), each with until when and "End snooze", which tells
 * the API 0 minutes: the coin's alerts are delivered again from then on.
 */
final class SnoozesPanel extends VerticalLayout {

    private final NotificationClient client;
    private final String token;
    private final Consumer<String> problem;
    private final Clock clock;
    private final Grid<Snooze> grid = new Grid<>();
    private ZoneId zone = ZoneId.of("UTC");

    SnoozesPanel(NotificationClient client, String token, Consumer<String> problem, Clock clock) {
        this.client = client;
        this.token = token;
        this.problem = problem;
        this.clock = clock;
        setPadding(false);
        setId("snoozes-panel");
        grid.setId("snoozes-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Snooze::symbol).setHeader("Coin").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(snooze -> Snoozes.untilText(snooze.until(), clock.instant(), zone))
                .setHeader("Until").setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(this::endButton)).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No coin is snoozed. Snooze one from its alert on My dashboard.");
        add(new H3("Snoozed coins"), grid);
    }

    void show(List<Snooze> snoozes) {
        grid.setItems(snoozes);
    }

    void setZone(ZoneId browserZone) {
        zone = browserZone;
        grid.getDataProvider().refreshAll();
    }

    private Button endButton(Snooze snooze) {
        var end = new Button("End snooze", click -> end(snooze));
        end.setId("snooze-end-" + snooze.symbol().replace('/', '-'));
        end.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        return end;
    }

    private void end(Snooze snooze) {
        try {
            client.endSnooze(token, snooze.symbol());
            show(client.snoozes(token));
            Notifications.success(snooze.symbol() + ": snooze ended, its alerts reach you again");
        } catch (ApiException e) {
            problem.accept(NotificationProblems.message(e));
        }
    }
}
