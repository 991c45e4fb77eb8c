package com.marketpulse.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketpulse.events.SourceBar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleFileTest {

    private final List<SourceBar> bars = new ArrayList<>();
    private final List<BadRow> bad = new ArrayList<>();

    @Test
    void readsBinanceKlinesAndDatesEachBarAtItsClose() throws Exception {
        var summary = new CandleFile(resource("dot-3rows.csv"), "DOT/USD", "binance", null).read(bars::add, bad::add);

        assertThat(summary).isEqualTo(new CandleFile.Summary(2, 0));
        SourceBar first = bars.getFirst();
        assertThat(first.symbol()).isEqualTo("DOT/USD");
        assertThat(first.start()).isEqualTo(Instant.ofEpochMilli(1730419200000L));
        assertThat(first.eventTime()).isEqualTo(Instant.ofEpochMilli(1730419260000L));
        assertThat(first.open()).isEqualTo(3.958);
        assertThat(first.high()).isEqualTo(3.959);
        assertThat(first.low()).isEqualTo(3.956);
        assertThat(first.close()).isEqualTo(3.958);
        assertThat(first.volume()).isEqualTo(45103.8);
        assertThat(first.trades()).isEqualTo(306);
        assertThat(first.vwap()).isEqualTo(178487.4969 / 45103.8);
        assertThat(first.notional()).isCloseTo(178487.4969, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(first.venue()).isEqualTo("binance");
    }

    @Test
    void readsKlinesWithoutHeader() throws Exception {
        var summary = new CandleFile(resource("algo-no-header.csv"), "ALGO/USD", "binance", null)
                .read(bars::add, bad::add);

        assertThat(summary).isEqualTo(new CandleFile.Summary(3, 0));
    }

    @Test
    void readsGzippedKlinesWithHeader() throws Exception {
        var summary = new CandleFile(resource("ltc-header-3rows.csv.gz"), "LTC/USD", "binance", "run-1")
                .read(bars::add, bad::add);

        assertThat(summary.bars()).isEqualTo(2);
        assertThat(bad).isEmpty();
        assertThat(bars).allSatisfy(bar -> assertThat(bar.runId()).isEqualTo("run-1"));
        assertThat(bars.get(1).start()).isEqualTo(bars.get(0).start().plusSeconds(60));
    }

    @Test
    void readsMicrosecondOpenTimes() throws IOException {
        String csv = "1735689600000000,1.0,1.1,0.9,1.05,10,1735689659999999,10.5,3,0,0,0\n";
        read(csv, "X/USD");

        assertThat(bars.getFirst().start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void readsPlainBarsCsvWithSymbolsAndOptionalColumns() throws IOException {
        String csv = """
                timestamp,symbol,open,high,low,close,volume,trade_count,vwap
                2024-11-01T00:00:00Z,BTC/USD,69600,69700,69500,69650,0.5,3,69620
                2024-11-01T00:01:00Z,ETH/USD,2500,2510,2490,2505,0,,
                """;
        read(csv, null);

        assertThat(bars).extracting(SourceBar::symbol).containsExactly("BTC/USD", "ETH/USD");
        assertThat(bars.get(0).vwap()).isEqualTo(69620);
        assertThat(bars.get(1).trades()).isZero();
        assertThat(bars.get(1).eventTime()).isEqualTo(Instant.parse("2024-11-01T00:02:00Z"));
    }

    @Test
    void reportsBadRowsWithLineNumbersAndGoesOn() throws IOException {
        String csv = """
                open_time,open,high,low,close,volume
                1730419200000,3.9,4.0,3.8,3.95,10
                1730419260000,oops,4.0,3.8,3.95,10
                1730419320000,3.9,3.7,3.8,3.95,10
                1730419380000,3.9
                1730419440000,3.9,4.0,3.8,3.95,10
                """;
        var summary = read(csv, "DOT/USD");

        assertThat(summary).isEqualTo(new CandleFile.Summary(2, 3));
        assertThat(bad).extracting(BadRow::line).containsExactly(3L, 4L, 5L);
        assertThat(bad.get(0).reason()).contains("open is not a number");
        assertThat(bad.get(1).reason()).contains("below low");
    }

    @Test
    void refusesKlinesWithoutASymbol() {
        assertThatThrownBy(() -> read("1730419200000,3.9,4.0,3.8,3.95,10\n", null)).isInstanceOf(AssertionError.class);
    }

    private CandleFile.Summary read(String csv, String symbol) throws IOException {
        var summary = new CandleFile(Path.of("inline.csv"), symbol, "binance", null).read(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), bars::add, bad::add);
        if (symbol == null && !bad.isEmpty()) {
            throw new AssertionError(bad.getFirst().reason());
        }
        return summary;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CandleFileTest.class.getResource("/" + name).toURI());
    }
}
