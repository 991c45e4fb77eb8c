package com.marketpulse.dashboard.market.ui;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.dashboard.alert.AlertText;
import com.marketpulse.dashboard.alert.Snoozes;
import com.marketpulse.dashboard.market.ChartData;
import com.marketpulse.dashboard.market.CoinQuote;
import com.marketpulse.dashboard.market.QuoteSource;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** One card per held coin: live price, change over the last hour, value held, the latest alert and a snooze. */
public final class CoinCards extends Composite<FlexLayout> {

    private final Clock clock;
    private final Map<String, CoinCard> cards = new LinkedHashMap<>();
    private final Map<String, AlertDto> latestAlerts = new LinkedHashMap<>();
    private List<AlertDto> alerts = List.of();
    private Snoozes snoozes = Snoozes.NONE;
    private ZoneId zone = ZoneId.of("UTC");

    public CoinCards(Clock clock) {
        this.clock = clock;
        var layout = getContent();
        layout.setId("coin-cards");
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        layout.addClassNames(LumoUtility.Gap.MEDIUM);
    }

    /** Shows exactly these coins, in this order (cards of coins no longer held go away). */
    public void show(List<String> symbols) {
        cards.keySet().retainAll(symbols);
        getContent().removeAll();
        for (String symbol : symbols) {
            var card = cards.computeIfAbsent(symbol, CoinCard::new);
            card.alert(latestAlerts.get(symbol), clock);
            card.snooze(snoozes, zone, clock);
            getContent().add(card);
        }
    }

    public void update(List<QuoteSource.Snapshot> snapshots) {
        for (QuoteSource.Snapshot snapshot : snapshots) {
            var card = cards.get(snapshot.quote().symbol());
            if (card != null) {
                card.quote(snapshot.quote());
                card.alert(latestAlerts.get(snapshot.quote().symbol()), clock);
                card.chart(ChartData.candles(snapshot.bars()), alerts);
            }
        }
    }

    /** Which coins are snoozed: their cards say until when. */
    public void showSnoozes(Snoozes current) {
        snoozes = current;
        cards.values().forEach(card -> card.snooze(current, zone, clock));
    }

    /** Times are shown in the browser's time zone once it is known. */
    public void setZone(ZoneId browserZone) {
        zone = browserZone;
        showSnoozes(snoozes);
    }

    /** The API did not answer: keep the last prices but say they may be old. */
    public void stale() {
        cards.values().forEach(CoinCard::stale);
    }

    /** Remembers the newest alert of each coin (alerts newest first). */
    public void alerts(List<AlertDto> newestFirst) {
        alerts = newestFirst;
        latestAlerts.clear();
        for (AlertDto alert : newestFirst) {
            latestAlerts.putIfAbsent(alert.symbol(), alert);
        }
        cards.forEach((symbol, card) -> {
            card.alert(latestAlerts.get(symbol), clock);
            card.chart(card.candles, newestFirst);
        });
    }

    static String money(double value) {
        var format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setMaximumFractionDigits(Math.abs(value) < 1 ? 6 : 2);
        return format.format(value);
    }

    static String percent(double change) {
        return String.format(Locale.US, "%+.2f %%", change);
    }

    static final String NO_BARS_YET = "No trades yet — the chart starts with the first minute bar";

    private static final class CoinCard extends Card {

        private final Span price = new Span("–");
        private final Badge change = new Badge("no data yet");
        private final Span holding = new Span();
        private final Span alert = new Span("No alerts yet");
        private final Span snoozed = new Span();
        private final String symbol;
        private final PriceChart chart;
        private final Div noChart = new Div(NO_BARS_YET);
        private List<ChartData.Candle> candles = List.of();

        CoinCard(String symbol) {
            this.symbol = symbol;
            this.chart = new PriceChart(symbol);
            setId("coin-" + symbol.replace('/', '-'));
            addClassName("coin-card");
            addThemeVariants(CardVariant.OUTLINED);
            setTitle(symbol);
            setMinWidth("min(100%, 20em)");
            getStyle().set("flex", "1 1 20em");
            setMaxWidth("40em");
            setHeaderSuffix(change);
            price.addClassNames("coin-price", LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.SEMIBOLD);
            holding.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            alert.addClassNames("coin-alert", LumoUtility.FontSize.SMALL);
            snoozed.addClassNames("coin-snoozed", LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            snoozed.setVisible(false);
            noChart.addClassNames("chart-placeholder", LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL,
                    LumoUtility.TextAlignment.CENTER, LumoUtility.Padding.Vertical.XLARGE);
            add(price, holding, new Div(alert), new Div(snoozed), noChart, chart);
        }

        void chart(List<ChartData.Candle> shown, List<AlertDto> alerts) {
            candles = shown;
            chart.draw(shown, ChartData.markers(symbol, alerts, shown, 60));
            noChart.setVisible(!chart.hasData());
        }

        void quote(CoinQuote quote) {
            price.setText(quote.price() == null ? "–" : money(quote.price()));
            change.removeThemeVariants(BadgeVariant.values());
            if (quote.changePercent() == null) {
                change.setText("no change data");
                change.addThemeVariants(BadgeVariant.CONTRAST);
            } else {
                change.setText(percent(quote.changePercent()) + " 1h");
                change.addThemeVariants(quote.changePercent() >= 0 ? BadgeVariant.SUCCESS : BadgeVariant.ERROR);
            }
            holding.setText(quote.holdingValue()
                    .map(value -> "You hold " + quote.quantity() + " = " + money(value))
                    .orElse(""));
        }

        void stale() {
            change.removeThemeVariants(BadgeVariant.values());
            change.setText("prices may be old");
            change.addThemeVariants(BadgeVariant.WARNING);
        }

        void snooze(Snoozes snoozes, ZoneId zone, Clock clock) {
            var until = snoozes.of(symbol, clock.instant());
            snoozed.setText(until.map(end -> Snoozes.untilText(end, clock.instant(), zone)).orElse(""));
            snoozed.setVisible(until.isPresent());
        }

        void alert(@Nullable AlertDto latest, Clock clock) {
            alert.setText(latest == null ? "No alerts yet"
                    : "Last alert: " + AlertText.type(latest.type()) + " " + AlertText.direction(latest.direction())
                            + " · " + AlertText.ago(latest.eventTime(), clock.instant()));
        }
    }
}
