package com.marketpulse.dashboard.home.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.marketpulse.dashboard.alert.AlertBoard;
import com.marketpulse.dashboard.alert.AlertFeed;
import com.marketpulse.dashboard.alert.ui.AlertGrid;
import com.marketpulse.dashboard.api.AlertDto;
import com.marketpulse.dashboard.api.AlertStreamClient;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiProperties;
import com.marketpulse.dashboard.api.Portfolio;
import com.marketpulse.dashboard.base.ui.Notifications;
import com.marketpulse.dashboard.portfolio.ui.PortfolioPicker;
import com.marketpulse.dashboard.security.ApiSession;
import com.marketpulse.dashboard.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * My dashboard: the coins the user holds and their alerts, which arrive by server push while the page is
 * open (the API's live stream, or a poll while that is down).
 */
@Route("")
@PageTitle("My dashboard · MarketPulse")
@Menu(order = 0, title = "My dashboard", icon = "vaadin:dashboard")
@PermitAll
public class HomeView extends Main {

    static final int SHOWN_ALERTS = 200;

    private final ApiClient api;
    private final AlertStreamClient streams;
    private final ApiProperties properties;
    private final ApiSession session;
    private final CurrentUser currentUser;
    private final AlertBoard board = new AlertBoard(SHOWN_ALERTS);
    private final AlertGrid grid = new AlertGrid(Clock.systemUTC());
    private final Badge feedState = new Badge("Connecting…");
    private final PortfolioPicker picker;
    private @Nullable AlertFeed feed;

    public HomeView(ApiClient api, AlertStreamClient streams, ApiProperties properties, CurrentUser currentUser) {
        this.api = api;
        this.streams = streams;
        this.properties = properties;
        this.currentUser = currentUser;
        this.session = currentUser.session();
        this.picker = new PortfolioPicker(api, session.token(), this::portfolioChanged);
        setId("home-view");
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.MEDIUM, LumoUtility.BoxSizing.BORDER);
        setHeightFull();
        feedState.setId("feed-state");
        var title = new HorizontalLayout(new H2("My dashboard"), feedState);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        grid.setId("my-alerts");
        grid.setEmptyStateText("No alerts for your coins yet. New ones appear here as they happen.");
        grid.setMinHeight("20em");
        add(title, picker, new H3("My alerts"), grid);
        grid.addClassNames(LumoUtility.Flex.GROW);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        ui.getPage().retrieveExtendedClientDetails(details -> zoneOf(details.getTimeZoneId()));
        picker.load();
        startFeed(ui);
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopFeed();
    }

    private void portfolioChanged(Portfolio portfolio) {
        // the API filters the stream by the portfolio: start over with the new selection
        getUI().ifPresent(ui -> {
            board.clear();
            grid.show(List.of());
            startFeed(ui);
        });
    }

    private void startFeed(UI ui) {
        stopFeed();
        feed = AlertFeed.start(api, streams, session.token(), AlertFeed.Scope.MINE, properties.alertPollInterval(),
                new AlertFeed.Listener() {
                    @Override
                    public void onAlerts(List<AlertDto> alerts) {
                        access(ui, () -> {
                            board.merge(alerts);
                            grid.show(board.newestFirst());
                        });
                    }

                    @Override
                    public void onState(AlertFeed.State state) {
                        access(ui, () -> showState(state));
                    }
                });
    }

    private void stopFeed() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    private void showState(AlertFeed.State state) {
        feedState.removeThemeVariants(BadgeVariant.values());
        switch (state) {
            case LIVE -> {
                feedState.setText("Live");
                feedState.addThemeVariants(BadgeVariant.SUCCESS);
            }
            case POLLING -> {
                feedState.setText("Reconnecting… (checking every " + properties.alertPollInterval().toSeconds() + " s)");
                feedState.addThemeVariants(BadgeVariant.WARNING);
            }
            case EXPIRED -> {
                feedState.setText("Session expired");
                feedState.addThemeVariants(BadgeVariant.ERROR);
                sessionExpired();
            }
        }
    }

    private void sessionExpired() {
        var notification = new Notification();
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setPosition(Notification.Position.MIDDLE);
        var again = new Button("Log in again", click -> currentUser.logout());
        notification.add(new HorizontalLayout(new com.vaadin.flow.component.html.Span(
                "Your session has expired. Please log in again."), again));
        notification.open();
    }

    private void zoneOf(@Nullable String zoneId) {
        if (zoneId == null) {
            return;
        }
        try {
            grid.setZone(ZoneId.of(zoneId));
        } catch (java.time.DateTimeException e) {
            Notifications.info("Times are shown in UTC.");
        }
    }

    private static void access(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // the page was closed meanwhile; its feed is being closed too
        }
    }
}
