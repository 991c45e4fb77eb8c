package com.marketpulse.dashboard.backtest.ui;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.SymbolQuote;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.BacktestClient;
import com.marketpulse.dashboard.base.Periodic;
import com.marketpulse.dashboard.base.ui.Notifications;
import com.marketpulse.dashboard.base.ui.UiAccess;
import com.marketpulse.dashboard.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * The Backtest page: "what would MarketPulse have told me?" Start a run, watch its progress (the list is polled
 * every second and pushed to the page while a run is active), read its report, compare two runs.
 */
@Route("backtests")
@PageTitle("Backtests · MarketPulse")
@Menu(order = 3, title = "Backtests", icon = "vaadin:time-backward")
@PermitAll
public class BacktestView extends Main {

    /** How often the list is polled while a run is active; when none is, every {@link #IDLE_REFRESH}. */
    static final Duration ACTIVE_REFRESH = Duration.ofSeconds(1);
    static final Duration IDLE_REFRESH = Duration.ofSeconds(10);

    private final ApiClient api;
    private final BacktestClient backtests;
    private final String token;
    private final Div message = new Div();
    private final StartForm start;
    private final RunsGrid runs;
    private final ReportPanel report;
    private final ComparePanel compare;
    private volatile boolean anyActive;
    private volatile long lastRefresh;
    private @Nullable Periodic refresh;
    private List<Backtest> shown = List.of();

    public BacktestView(ApiClient api, BacktestClient backtests, CurrentUser currentUser) {
        this.api = api;
        this.backtests = backtests;
        this.token = currentUser.session().token();
        setId("backtest-view");
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.SMALL, LumoUtility.BoxSizing.BORDER);
        message.setId("backtest-message");
        message.getElement().setAttribute("role", "alert");
        message.addClassNames(LumoUtility.TextColor.ERROR);
        start = new StartForm(backtests, token, new StartForm.Listener() {
            @Override
            public void started(Backtest run) {
                message.setText("");
                Notifications.success("Backtest started: " + run.name());
                refreshNow();
            }

            @Override
            public void failed(String problem) {
                showProblem(problem);
            }
        });
        runs = new RunsGrid(new RunsGrid.Actions() {
            @Override
            public void open(Backtest run) {
                openReport(run);
            }

            @Override
            public void cancel(Backtest run) {
                act(() -> backtests.cancel(token, run.id()));
            }

            @Override
            public void delete(Backtest run) {
                act(() -> backtests.delete(token, run.id()));
            }
        });
        report = new ReportPanel(backtests, token);
        compare = new ComparePanel(backtests, token, this::showProblem);
        add(new H2("Backtests"), start, message, new H3("Your runs"), runs, report, compare);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        try {
            start.setSymbols(api.symbols(token).stream().map(SymbolQuote::symbol).sorted().toList());
        } catch (ApiException e) {
            start.setSymbols(List.of());
        }
        refresh = Periodic.start("backtests", ACTIVE_REFRESH, () -> poll(ui));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (refresh != null) {
            refresh.close();
            refresh = null;
        }
    }

    private void poll(UI ui) {
        long now = System.nanoTime();
        if (!anyActive && lastRefresh != 0 && now - lastRefresh < IDLE_REFRESH.toNanos()) {
            return;
        }
        lastRefresh = now;
        try {
            var list = backtests.list(token);
            anyActive = list.stream().anyMatch(run -> run.state().active());
            UiAccess.run(ui, () -> show(list));
        } catch (ApiException e) {
            UiAccess.run(ui, () -> showProblem(Problems.message(e)));
        }
    }

    private void refreshNow() {
        try {
            var list = backtests.list(token);
            anyActive = list.stream().anyMatch(run -> run.state().active());
            show(list);
        } catch (ApiException e) {
            showProblem(Problems.message(e));
        }
    }

    private void show(List<Backtest> list) {
        if (list.equals(shown)) {
            return; // re-rendering would replace the rows' buttons under the person's pointer for nothing
        }
        shown = list;
        runs.show(list);
        compare.setRuns(list.stream().filter(run -> !run.state().active()).toList());
    }

    private void openReport(Backtest run) {
        try {
            report.show(backtests.report(token, run.id()), backtests.alerts(token, run.id()));
            message.setText("");
        } catch (ApiException e) {
            showProblem(Problems.message(e));
        }
    }

    private void act(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            showProblem(Problems.message(e));
        }
        refreshNow();
    }

    private void showProblem(String problem) {
        message.setText(problem);
        Notifications.error(problem);
    }
}
