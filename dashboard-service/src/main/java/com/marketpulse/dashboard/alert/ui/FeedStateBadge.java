package com.marketpulse.dashboard.alert.ui;

import java.time.Duration;

import com.marketpulse.dashboard.alert.AlertFeed;
import com.marketpulse.dashboard.security.CurrentUser;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Says how alerts arrive right now (live, reconnecting) and asks to log in again when the session expired. */
public final class FeedStateBadge extends Composite<Badge> {

    private final Duration pollInterval;
    private final CurrentUser currentUser;

    public FeedStateBadge(Duration pollInterval, CurrentUser currentUser) {
        this.pollInterval = pollInterval;
        this.currentUser = currentUser;
        getContent().setId("feed-state");
        getContent().setText("Connecting…");
    }

    public void show(AlertFeed.State state) {
        var badge = getContent();
        badge.removeThemeVariants(BadgeVariant.values());
        switch (state) {
            case LIVE -> {
                badge.setText("Live");
                badge.addThemeVariants(BadgeVariant.SUCCESS);
            }
            case POLLING -> {
                badge.setText("Reconnecting… (checking every " + pollInterval.toSeconds() + " s)");
                badge.addThemeVariants(BadgeVariant.WARNING);
            }
            case EXPIRED -> {
                badge.setText("Session expired");
                badge.addThemeVariants(BadgeVariant.ERROR);
                askToLogInAgain();
            }
        }
    }

    private void askToLogInAgain() {
        var notification = new Notification();
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setPosition(Notification.Position.MIDDLE);
        var again = new Button("Log in again", click -> currentUser.logout());
        again.setId("log-in-again");
        var content = new HorizontalLayout(new Span("Your session has expired. Please log in again."), again);
        content.setAlignItems(HorizontalLayout.Alignment.CENTER);
        notification.add(content);
        notification.open();
    }
}
