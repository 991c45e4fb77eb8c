package com.marketpulse.dashboard.backtest.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.BacktestState;
import com.marketpulse.dashboard.backtest.DetectorSettings;
import com.marketpulse.dashboard.backtest.RunProgress;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/** The user's runs, newest first: what each replays, its state, a progress bar while it runs, and its actions. */
final class RunsGrid extends Grid<Backtest> {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** The actions of a row. */
    interface Actions {
        void open(Backtest run);

        void cancel(Backtest run);

        void delete(Backtest run);
    }

    RunsGrid(Actions actions) {
        setId("backtest-runs");
        addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
        addColumn(run -> CREATED.format(run.createdAt())).setHeader("Started (UTC)").setAutoWidth(true).setFlexGrow(0);
        addColumn(Backtest::name).setHeader("Name").setFlexGrow(1);
        addColumn(run -> DetectorSettings.describe(run.overrides())).setHeader("Settings").setFlexGrow(1);
        addColumn(new ComponentRenderer<>(RunsGrid::state)).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        addColumn(new ComponentRenderer<>(RunsGrid::progress)).setHeader("Progress").setFlexGrow(2);
        addColumn(new ComponentRenderer<>(run -> buttons(run, actions))).setHeader("").setAutoWidth(true)
                .setFlexGrow(0);
        setEmptyStateText("No backtests yet: choose a file or an archive range above.");
        setAllRowsVisible(true);
    }

    void show(List<Backtest> runs) {
        setItems(runs);
    }

    private static Component state(Backtest run) {
        var badge = new Badge(label(run.state()));
        badge.setId("state-" + run.id());
        badge.addThemeVariants(switch (run.state()) {
            case DONE -> BadgeVariant.SUCCESS;
            case FAILED -> BadgeVariant.ERROR;
            case CANCELLED -> BadgeVariant.CONTRAST;
            default -> BadgeVariant.WARNING;
        });
        return badge;
    }

    static String label(BacktestState state) {
        return switch (state) {
            case QUEUED -> "Queued";
            case RUNNING -> "Running";
            case DRAINING -> "Detecting";
            case DONE -> "Done";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    private static Component progress(Backtest run) {
        var text = new Span(RunProgress.text(run) + (run.error() == null ? "" : " · " + run.error()));
        text.setId("progress-text-" + run.id());
        if (!run.state().active()) {
            return text;
        }
        var bar = new ProgressBar();
        bar.setId("progress-" + run.id());
        Double done = RunProgress.fraction(run);
        if (done == null) {
            bar.setIndeterminate(true);
        } else {
            bar.setValue(done);
        }
        return new Div(bar, text);
    }

    private static Component buttons(Backtest run, Actions actions) {
        var buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        if (!run.state().active()) {
            var open = new Button("Report", click -> actions.open(run));
            open.setId("open-" + run.id());
            open.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
            buttons.add(open);
        } else {
            var cancel = new Button("Cancel", click -> actions.cancel(run));
            cancel.setId("cancel-" + run.id());
            cancel.addThemeVariants(ButtonVariant.SMALL);
            buttons.add(cancel);
        }
        var delete = new Button("Delete", click -> actions.delete(run));
        delete.setId("delete-" + run.id());
        delete.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        buttons.add(delete);
        return buttons;
    }
}
