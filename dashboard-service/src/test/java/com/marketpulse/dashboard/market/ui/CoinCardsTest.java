package com.marketpulse.dashboard.market.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.BarDto;
import com.marketpulse.dashboard.market.CoinQuote;
import com.marketpulse.dashboard.market.QuoteSource;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;

class CoinCardsTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private final CoinCards cards = new CoinCards(Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));

    private static QuoteSource.Snapshot snapshot(List<BarDto> bars) {
        return new QuoteSource.Snapshot(CoinQuote.of("BTC/USD", null, null, bars, 0.5), bars);
    }

    private static Stream<Element> tree(Element root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(CoinCardsTest::tree));
    }

    private Element chart() {
        return tree(cards.getElement()).filter(e -> "chart-BTC-USD".equals(e.getAttribute("id"))).findFirst()
                .orElseThrow();
    }

    private Component placeholder() {
        return tree(cards.getElement()).filter(e -> e.getClassList().contains("chart-placeholder")).findFirst()
                .flatMap(Element::getComponent).orElseThrow();
    }

    @Test
    void aHeldCoinWithoutBarsShowsAPlaceholderInsteadOfAnEmptyChartButKeepsTheChartElement() {
        cards.show(List.of("BTC/USD"));
        cards.update(List.of(snapshot(List.of())));

        assertThat(placeholder().isVisible()).isTrue();
        assertThat(placeholder().getElement().getText()).isEqualTo(CoinCards.NO_BARS_YET).contains("No trades yet");
        assertThat(chart().getStyle().get("display")).isEqualTo("none");
    }

    @Test
    void theFirstBarReplacesThePlaceholderWithTheChart() {
        cards.show(List.of("BTC/USD"));
        cards.update(List.of(snapshot(List.of())));
        cards.update(List.of(snapshot(List.of(new BarDto(T0, T0.plusSeconds(60), 100, 101, 99, 100.5, 2, 3)))));

        assertThat(placeholder().isVisible()).isFalse();
        assertThat(Optional.ofNullable(chart().getStyle().get("display"))).isEmpty();
    }

    @Test
    void beforeAnyQuoteArrivesThePlaceholderShows() {
        cards.show(List.of("BTC/USD"));

        assertThat(placeholder().isVisible()).isTrue();
        assertThat(chart().getStyle().get("display")).isEqualTo("none");
    }
}
