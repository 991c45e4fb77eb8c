package com.marketpulse.dashboard.backtest.ui;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.BacktestComparison;
import com.marketpulse.dashboard.alert.ui.AlertGrid;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.BacktestClient;
import com.marketpulse.dashboard.backtest.DetectorSettings;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Two finished runs side by side: their counts and scores, and the alerts only one of them raised. */
final class ComparePanel extends Div {

    private final BacktestClient backtests;
    private final String token;
    private final Consumer<String> failed;
    private final ComboBox<Backtest> a = picker("compare-pick-a", "Run A");
    private final ComboBox<Backtest> b = picker("compare-pick-b", "Run B");
    private final FlexLayout sides = new FlexLayout();

    ComparePanel(BacktestClient backtests, String token, Consumer<String> failed) {
        this.backtests = backtests;
        this.token = token;
        this.failed = failed;
        setId("backtest-compare");
        var compare = new Button("Compare", click -> compare());
        compare.setId("compare");
        var pickers = new FlexLayout(a, b, compare);
        pickers.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        pickers.addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);
        sides.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        sides.addClassNames(LumoUtility.Gap.LARGE);
        add(new H3("Compare two runs"), pickers, sides);
    }

    private static ComboBox<Backtest> picker(String id, String label) {
        var box = new ComboBox<Backtest>(label);
        box.setId(id);
        box.setItemLabelGenerator(run -> run.name() + " (" + DetectorSettings.describe(run.overrides()) + ")");
        box.setMinWidth("20em");
        return box;
    }

    /** The runs that can be compared: those with a report. */
    void setRuns(List<Backtest> finished) {
        var chosenA = a.getValue();
        var chosenB = b.getValue();
        a.setItems(finished);
        b.setItems(finished);
        finished.stream().filter(run -> chosenA != null && run.id().equals(chosenA.id())).findFirst().ifPresent(a::setValue);
        finished.stream().filter(run -> chosenB != null && run.id().equals(chosenB.id())).findFirst().ifPresent(b::setValue);
    }

    private void compare() {
        if (a.getValue() == null || b.getValue() == null) {
            failed.accept("Choose two runs to compare.");
            return;
        }
        try {
            var comparison = backtests.compare(token, a.getValue().id(), b.getValue().id());
            sides.removeAll();
            sides.add(side("compare-a", "A", comparison.a(), comparison.inBoth()),
                    side("compare-b", "B", comparison.b(), comparison.inBoth()));
        } catch (ApiException e) {
            failed.accept(Problems.message(e));
        }
    }

    private static Div side(String id, String letter, BacktestComparison.Side side, long inBoth) {
        var column = new Div();
        column.setId(id);
        column.addClassNames(LumoUtility.Flex.GROW);
        column.setMinWidth("24em");
        column.add(new H4(letter + ": " + side.run().name()),
                new Div(new Span(DetectorSettings.describe(side.run().overrides()))),
                new Div(new Span(side.alerts() + " alerts: " + ReportPanel.counts(side.countsByType()))),
                new Div(new Span(inBoth + " alerts raised by both runs")));
        if (!side.scores().isEmpty()) {
            column.add(ScoreGrid.of(id + "-scores", side.scores(), side.overall()));
        }
        var only = new AlertGrid(Clock.systemUTC());
        only.setId(id + "-only");
        only.setEmptyStateText("Every alert of this run was raised by the other too.");
        only.show(side.onlyHere());
        only.setAllRowsVisible(true);
        column.add(new H4("Only in " + letter + " (" + side.onlyHere().size() + ")"), only);
        return column;
    }
}
