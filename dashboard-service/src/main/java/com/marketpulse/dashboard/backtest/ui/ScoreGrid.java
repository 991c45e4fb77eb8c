package com.marketpulse.dashboard.backtest.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.BacktestReport;
import com.marketpulse.dashboard.alert.AlertText;
import com.vaadin.flow.component.grid.Grid;

/** Precision, recall and median delay per alert type, and every type together. */
final class ScoreGrid {

    private ScoreGrid() {
    }

    static Grid<BacktestReport.Score> of(String id, List<BacktestReport.Score> scores,
                                         BacktestReport.@Nullable Score overall) {
        var grid = new Grid<BacktestReport.Score>();
        grid.setId(id);
        grid.addColumn(score -> score.type() == null ? "All types" : AlertText.type(score.type())).setHeader("Type");
        grid.addColumn(score -> score.caused() + " / " + score.alerts()).setHeader("Alerts caused");
        grid.addColumn(score -> percent(score.precision())).setHeader("Precision");
        grid.addColumn(score -> score.found() + " / " + score.labels()).setHeader("Events found");
        grid.addColumn(score -> percent(score.recall())).setHeader("Recall");
        grid.addColumn(score -> score.medianDelaySeconds() == null ? "–" : score.medianDelaySeconds() + " s")
                .setHeader("Median delay");
        var rows = new ArrayList<>(scores);
        if (overall != null) {
            rows.add(overall);
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("The input carried no labelled events.");
        return grid;
    }

    static String percent(@Nullable Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f %%", value * 100);
    }
}
