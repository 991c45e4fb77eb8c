package com.marketpulse.dashboard.home.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.Portfolio;
import com.marketpulse.dashboard.alert.AlertBoard;
import com.marketpulse.dashboard.alert.AlertFeed;
import com.marketpulse.dashboard.alert.AlertFilter;
import com.marketpulse.dashboard.alert.Snoozes;
import com.marketpulse.dashboard.alert.ui.AlertFilterBar;
import com.marketpulse.dashboard.alert.ui.AlertGrid;
import com.marketpulse.dashboard.alert.ui.BrowserNotifier;
import com.marketpulse.dashboard.alert.ui.PushSubscriber;
import com.marketpulse.dashboard.alert.ui.FeedStateBadge;
import com.marketpulse.dashboard.api.AlertStreamClient;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.ApiProperties;
import com.marketpulse.dashboard.api.NotificationClient;
import com.marketpulse.dashboard.api.PushClient;
import com.marketpulse.dashboard.base.Periodic;
import com.marketpulse.dashboard.base.ui.Notifications;
import com.marketpulse.dashboard.base.ui.UiAccess;
import com.marketpulse.dashboard.market.QuoteSource;
import com.marketpulse.dashboard.market.ui.CoinCards;
import com.marketpulse.dashboard.portfolio.ui.PortfolioPicker;
import com.marketpulse.dashboard.security.ApiSession;
import com.marketpulse.dashboard.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * My dashboard: a card per held coin (live price, change, value held, latest alert, snooze) and the user's alerts,
 * which arrive by server push while the page is open (the API's live stream, or a poll while that is down). Each
 * alert offers to snooze its coin for a chosen time; the snoozes are read again with the quotes, so one ended on the
 * Notifications page or in another tab goes from this page too.
 */
@Route("")
@PageTitle("My dashboard · MarketPulse")
@Menu(order = 0, title = "My dashboard", icon = "vaadin:dashboard")
@PermitAll
public class HomeView extends Main {

    static final int SHOWN_ALERTS = 500;
    static final Duration QUOTE_REFRESH = Duration.ofSeconds(5);

    private final ApiClient api;
    private final AlertStreamClient streams;
    private final ApiProperties properties;
    private final ApiSession session;
    private final NotificationClient notifications;
    private final QuoteSource quotes;
    private final Instant openedAt;
    private final AlertBoard board = new AlertBoard(SHOWN_ALERTS);
    private final AlertGrid grid = new AlertGrid(Clock.systemUTC());
    private final CoinCards cards = new CoinCards(Clock.systemUTC());
    private final FeedStateBadge feedState;
    private final BrowserNotifier notifier = new BrowserNotifier();
    private final AlertFilterBar filters = new AlertFilterBar("my-alerts-filter", filter -> refreshGrid());
    private final PortfolioPicker picker;
    private volatile Portfolio portfolio = Portfolio.of(List.of());
    private volatile Snoozes snoozes = Snoozes.NONE;
    private ZoneId zone = ZoneId.of("UTC");
    private @Nullable AlertFeed feed;
    private @Nullable Periodic quoteRefresh;

    public HomeView(ApiClient api, AlertStreamClient streams, ApiProperties properties, CurrentUser currentUser,
                    PushClient push, NotificationClient notifications) {
        this.api = api;
        this.streams = streams;
        this.properties = properties;
        this.session = currentUser.session();
        this.notifications = notifications;
        this.quotes = new QuoteSource(api, Clock.systemUTC());
        this.openedAt = Instant.now();
        this.feedState = new FeedStateBadge(properties.alertPollInterval(), currentUser);
        this.picker = new PortfolioPicker(api, session.token(), this::portfolioChanged);
        setId("home-view");
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.MEDIUM, LumoUtility.BoxSizing.BORDER);
        var title = new FlexLayout(new H2("My dashboard"), feedState, notifier,
                new PushSubscriber(push, session.token()));
        title.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        title.addClassNames(LumoUtility.Gap.MEDIUM);
        grid.setId("my-alerts");
        grid.setEmptyStateText("No alerts for your coins yet. New ones appear here as they happen.");
        grid.setMinHeight("24em");
        grid.offerSnooze(this::snooze);
        add(title, picker, cards, new H3("My alerts"), filters, grid);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        ui.getPage().retrieveExtendedClientDetails(details -> zoneOf(details.getTimeZoneId()));
        showPortfolio(picker.load());
        Thread.ofVirtual().start(() -> refreshSnoozes(ui));
        startFeed(ui);
        quoteRefresh = Periodic.start("quotes", QUOTE_REFRESH, () -> refreshQuotes(ui));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopFeed();
        if (quoteRefresh != null) {
            quoteRefresh.close();
            quoteRefresh = null;
        }
    }

    private void portfolioChanged(Portfolio saved) {
        showPortfolio(saved);
        // the API filters the stream by the portfolio; start over so the list matches the new selection
        getUI().ifPresent(ui -> {
            board.clear();
            refreshGrid();
            startFeed(ui);
            Thread.ofVirtual().start(() -> refreshQuotes(ui));
        });
    }

    private void showPortfolio(Portfolio current) {
        portfolio = current;
        cards.show(current.symbols());
        filters.setCoins(current.symbols());
    }

    private void refreshQuotes(UI ui) {
        refreshSnoozes(ui);
        try {
            var latest = quotes.quotes(session.token(), portfolio);
            UiAccess.run(ui, () -> {
                cards.update(latest);
                grid.refreshAges();
            });
        } catch (ApiException e) {
            UiAccess.run(ui, cards::stale);
        }
    }

    private void refreshSnoozes(UI ui) {
        try {
            var current = Snoozes.of(notifications.snoozes(session.token()));
            if (!current.equals(snoozes)) {
                UiAccess.run(ui, () -> showSnoozes(current));
            }
        } catch (ApiException e) {
            // the rows keep the snoozes last read; the quotes' refresh says when the API is away
        }
    }

    private void showSnoozes(Snoozes current) {
        snoozes = current;
        grid.showSnoozes(current);
        cards.showSnoozes(current);
    }

    /** From an alert row: snoozes its coin for {@code minutes} (0 ends the snooze). */
    private void snooze(AlertDto alert, int minutes) {
        try {
            var answer = minutes == 0 ? notifications.endSnooze(session.token(), alert.symbol())
                    : notifications.snoozeFromAlert(session.token(), alert.id(), minutes);
            Instant now = Instant.now();
            showSnoozes(snoozes.with(answer, now));
            Notifications.success(minutes == 0 ? alert.symbol() + ": snooze ended, its alerts reach you again"
                    : alert.symbol() + ": " + Snoozes.untilText(answer.until(), now, zone) + ". No alert of it "
                            + "reaches your channels or this browser until then.");
        } catch (ApiException e) {
            Notifications.error("The snooze was not changed: " + e.detail().orElse(e.userMessage()));
        }
    }

    private void startFeed(UI ui) {
        stopFeed();
        feed = AlertFeed.start(api, streams, session.token(), AlertFeed.Scope.MINE, properties.alertPollInterval(),
                new AlertFeed.Listener() {
                    @Override
                    public void onAlerts(List<AlertDto> alerts) {
                        UiAccess.run(ui, () -> received(alerts));
                    }

                    @Override
                    public void onState(AlertFeed.State state) {
                        UiAccess.run(ui, () -> feedState.show(state));
                    }
                });
    }

    private void received(List<AlertDto> alerts) {
        List<AlertDto> fresh = board.merge(alerts);
        refreshGrid();
        Instant now = Instant.now();
        notifier.notify(fresh.stream()
                .filter(alert -> alert.detectedAt() == null || alert.detectedAt().isAfter(openedAt))
                .filter(alert -> snoozes.of(alert.symbol(), now).isEmpty())
                .toList());
    }

    private void refreshGrid() {
        List<AlertDto> all = board.newestFirst();
        AlertFilter filter = filters.filter();
        grid.show(filter.apply(all));
        cards.alerts(all);
    }

    private void stopFeed() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    private void zoneOf(@Nullable String zoneId) {
        if (zoneId != null) {
            try {
                zone = ZoneId.of(zoneId);
                grid.setZone(zone);
                cards.setZone(zone);
            } catch (java.time.DateTimeException e) {
                // an id the JVM does not know: times stay in UTC, as the column header says
                grid.setZone(ZoneId.of("UTC"));
            }
        }
    }
}
