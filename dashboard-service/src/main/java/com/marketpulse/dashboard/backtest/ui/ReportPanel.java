package com.marketpulse.dashboard.backtest.ui;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.BacktestReport;
import com.marketpulse.dashboard.alert.AlertText;
import com.marketpulse.dashboard.alert.ui.AlertGrid;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.BacktestClient;
import com.marketpulse.dashboard.backtest.ReportCharts;
import com.marketpulse.dashboard.market.ui.PriceChart;
import com.marketpulse.events.AlertType;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * A finished run's report: CSV downloads, counts per type and per day, each symbol's price chart with the alerts as
 * markers, the scores and missed events where the input was labelled, and the alert table.
 */
final class ReportPanel extends Div {

    private final BacktestClient backtests;
    private final String token;

    ReportPanel(BacktestClient backtests, String token) {
        this.backtests = backtests;
        this.token = token;
        setId("backtest-report");
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
    }

    void show(BacktestReport report, List<AlertDto> alerts) {
        removeAll();
        var run = report.run();
        add(new H3("Report: " + run.name()));
        add(new Span(run.input()));
        add(new Div(download(run.id(), BacktestClient.Csv.ALERTS, "csv-alerts", "Alerts as CSV"), new Span(" · "),
                download(run.id(), BacktestClient.Csv.REPORT, "csv-report", "Report as CSV")));
        var counts = new Span(report.alerts() + " alerts: " + counts(report.countsByType()));
        counts.setId("counts-by-type");
        add(counts);
        for (BacktestReport.Chart chart : report.charts()) {
            var price = new PriceChart(chart.symbol());
            price.setId("backtest-chart-" + chart.symbol().replace('/', '-'));
            price.setHeight("320px");
            price.draw(ReportCharts.candles(chart), ReportCharts.markers(chart));
            add(new H4(chart.symbol() + " · " + chart.interval() + " bars"), price);
        }
        if (report.labelled()) {
            add(new H4("Scores against the labelled events"), ScoreGrid.of("scores", report.scores(), report.overall()));
            add(new H4("Missed events (" + report.missed().size() + ")"), missed(report.missed()));
        }
        add(new H4("Alerts per day"), perDay(report.perDay()));
        var grid = new AlertGrid(Clock.systemUTC());
        grid.setId("backtest-alerts");
        grid.setEmptyStateText("This run raised no alerts.");
        grid.show(alerts);
        grid.setAllRowsVisible(true);
        add(new H4("Alerts"), grid);
    }

    static String counts(Map<AlertType, Long> byType) {
        return byType.entrySet().stream()
                .map(entry -> AlertText.type(entry.getKey()) + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private Anchor download(String id, BacktestClient.Csv what, String elementId, String text) {
        String file = "backtest-" + id + "-" + what.name().toLowerCase(Locale.ROOT) + ".csv";
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                return new DownloadResponse(backtests.csv(token, id, what), file, "text/csv", -1);
            } catch (ApiException e) {
                return DownloadResponse.error(e.status() > 0 ? e.status() : 502, Problems.message(e));
            }
        }), text);
        anchor.setId(elementId);
        return anchor;
    }

    private static Grid<BacktestReport.DayCount> perDay(List<BacktestReport.DayCount> days) {
        var grid = new Grid<BacktestReport.DayCount>();
        grid.setId("per-day");
        grid.addColumn(day -> day.day().toString()).setHeader("Day (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(BacktestReport.DayCount::alerts).setHeader("Alerts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(day -> counts(day.byType())).setHeader("By type");
        grid.setItems(days);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No alerts.");
        return grid;
    }

    private static Grid<BacktestReport.LabelledEvent> missed(List<BacktestReport.LabelledEvent> events) {
        var grid = new Grid<BacktestReport.LabelledEvent>();
        grid.setId("missed");
        grid.addColumn(BacktestReport.LabelledEvent::symbol).setHeader("Coin").setAutoWidth(true);
        grid.addColumn(event -> AlertText.type(event.kind())).setHeader("Type").setAutoWidth(true);
        grid.addColumn(event -> event.start() + " – " + event.end()).setHeader("When (UTC)");
        grid.addColumn(event -> String.format(Locale.ROOT, "%+.2f %%", event.magnitude() * 100)).setHeader("Move");
        grid.setItems(events);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("Every labelled event was found.");
        return grid;
    }
}
