package com.marketpulse.dashboard.system.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.SymbolQuote;
import com.marketpulse.dashboard.alert.AlertBoard;
import com.marketpulse.dashboard.alert.AlertFeed;
import com.marketpulse.dashboard.alert.ui.AlertFilterBar;
import com.marketpulse.dashboard.alert.ui.AlertGrid;
import com.marketpulse.dashboard.alert.ui.FeedStateBadge;
import com.marketpulse.dashboard.api.AlertStreamClient;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.ApiProperties;
import com.marketpulse.dashboard.base.Periodic;
import com.marketpulse.dashboard.base.ui.UiAccess;
import com.marketpulse.dashboard.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/** The system view: the pipeline's health and every alert across all coins, live, with filters. */
@Route("system")
@PageTitle("System · MarketPulse")
@Menu(order = 2, title = "System", icon = "vaadin:cogs")
@PermitAll
public class SystemView extends Main {

    static final Duration STATUS_REFRESH = Duration.ofSeconds(5);

    private final ApiClient api;
    private final AlertStreamClient streams;
    private final ApiProperties properties;
    private final String token;
    private final AlertBoard board = new AlertBoard(1000);
    private final AlertGrid grid = new AlertGrid(Clock.systemUTC());
    private final PipelineStatusPanel status = new PipelineStatusPanel(Clock.systemUTC());
    private final FeedStateBadge feedState;
    private final AlertFilterBar filters = new AlertFilterBar("all-alerts-filter", filter -> refreshGrid());
    private @Nullable AlertFeed feed;
    private @Nullable Periodic statusRefresh;

    public SystemView(ApiClient api, AlertStreamClient streams, ApiProperties properties, CurrentUser currentUser) {
        this.api = api;
        this.streams = streams;
        this.properties = properties;
        this.token = currentUser.session().token();
        this.feedState = new FeedStateBadge(properties.alertPollInterval(), currentUser);
        setId("system-view");
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.SMALL, LumoUtility.BoxSizing.BORDER);
        grid.setId("all-alerts");
        grid.setEmptyStateText("No alerts yet.");
        grid.setMinHeight("24em");
        var alertsHead = new FlexLayout(new H3("All alerts"), feedState);
        alertsHead.setAlignItems(FlexLayout.Alignment.BASELINE);
        alertsHead.addClassNames(LumoUtility.Gap.MEDIUM);
        add(new H2("System"), status, alertsHead, filters, grid);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        try {
            filters.setCoins(api.symbols(token).stream().map(SymbolQuote::symbol).sorted().toList());
        } catch (ApiException e) {
            filters.setCoins(List.of());
        }
        statusRefresh = Periodic.start("pipeline-status", STATUS_REFRESH, () -> refreshStatus(ui));
        feed = AlertFeed.start(api, streams, token, AlertFeed.Scope.ALL, properties.alertPollInterval(),
                new AlertFeed.Listener() {
                    @Override
                    public void onAlerts(List<AlertDto> alerts) {
                        UiAccess.run(ui, () -> {
                            board.merge(alerts);
                            refreshGrid();
                        });
                    }

                    @Override
                    public void onState(AlertFeed.State state) {
                        UiAccess.run(ui, () -> feedState.show(state));
                    }
                });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        if (statusRefresh != null) {
            statusRefresh.close();
            statusRefresh = null;
        }
    }

    private void refreshStatus(UI ui) {
        try {
            var report = api.status(token);
            UiAccess.run(ui, () -> {
                status.show(report);
                grid.refreshAges();
            });
        } catch (ApiException e) {
            UiAccess.run(ui, () -> status.unavailable(e.userMessage()));
        }
    }

    private void refreshGrid() {
        grid.show(filters.filter().apply(board.newestFirst()));
    }
}
