package com.marketpulse.ingestion.replay;

import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.settings.MarketPulseSettings;
import com.marketpulse.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a hundred malformed rows of trades CSVs and candle files (bars CSV, Binance klines) across the classes
 * truncated, wrong type, NaN/negative, far-future, late, duplicate and oversized. Each sits between two good rows:
 * it is reported with its own line number and reason, and both good rows are replayed (the file goes on, nothing
 * good is lost). The wall clock is fixed at 12:00 on the day of the rows, with the shipped edge limits.
 */
class MalformedRowsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC);
    static final MarketPulseSettings.Edge EDGE = Settings.defaults().edge();
    static final String T = "2026-01-05T10:00:01Z";
    static final String C = "2026-01-05T10:01:00Z";
    static final String BIG_NUMBER = "1".repeat(100_000);
    static final String BIG_SYMBOL = "A".repeat(100_000) + "/USD";

    @TempDir
    Path dir;

    /** A bad row of a file of the given layout and a fragment its reported reason must contain. */
    record Case(String layout, String row, String reason) {
        @Override
        public String toString() {
            return layout + ": " + (row.length() > 60 ? row.substring(0, 60) + "… (" + row.length() + " chars)" : row);
        }
    }

    static Stream<Case> tradeRows() {
        List<Case> cases = new ArrayList<>();
        // truncated
        trades(cases, "expected at least 4 fields", T + ",BTC/USD,90000", T + ",BTC/USD", T, "2026-01-05T10:0",
                "\"" + T + ",BTC/USD,90000,0.5");
        trades(cases, "is not a number", T + ",BTC/USD,90000,", T + ",BTC/USD,,0.5");
        trades(cases, "timestamp ''", ",,,");
        // wrong type
        trades(cases, "is not a number", T + ",BTC/USD,abc,0.5", T + ",BTC/USD,0x10,0.5", T + ",BTC/USD,true,0.5",
                T + ",BTC/USD,\"90,000\",0.5", T + ",BTC/USD,90000,one", T + ",BTC/USD,90000,[1]",
                T + ",BTC/USD,{\"p\":1},0.5", T + ",BTC/USD,null,0.5");
        trades(cases, "neither ISO-8601", "yesterday,BTC/USD,90000,0.5", "2026-01-05 10:00:01,BTC/USD,90000,0.5",
                "2026-01-05T10:00:01,BTC/USD,90000,0.5", "1.5e12,BTC/USD,90000,0.5", "-5,BTC/USD,90000,0.5");
        trades(cases, "not a crypto pair", T + ",12345,90000,0.5", T + ",,90000,0.5", T + ",BTCUSD,90000,0.5",
                T + ",BTC/USD/EUR,90000,0.5", T + ",BTC USD,90000,0.5");
        labelled(cases, "label", T + ",BTC/USD,90000,0.5,SPIKE", T + ",BTC/USD,90000,0.5,123",
                T + ",BTC/USD,90000,0.5,true");
        // NaN and negative
        trades(cases, "price must be > 0", T + ",BTC/USD,NaN,0.5", T + ",BTC/USD,-1,0.5", T + ",BTC/USD,0,0.5",
                T + ",BTC/USD,-0,0.5", T + ",BTC/USD,Infinity,0.5", T + ",BTC/USD,-Infinity,0.5",
                T + ",BTC/USD,1e400,0.5", T + ",BTC/USD,-1e-9,0.5", T + ",BTC/USD,90000,-1", T + ",BTC/USD,90000,NaN",
                T + ",BTC/USD,90000,Infinity", T + ",BTC/USD,90000,1e400", T + ",BTC/USD,90000,-0.0001");
        // far-future (the wall clock is 12:00) and late (behind the file's own stream time, 10:00)
        trades(cases, "ahead of the wall clock", "2026-01-05T12:10:00Z,BTC/USD,90000,0.5",
                "2999-01-01T00:00:00Z,BTC/USD,90000,0.5", "32503680000000,BTC/USD,90000,0.5",
                "9999-12-31T23:59:59Z,BTC/USD,90000,0.5");
        trades(cases, "behind BTC/USD's stream time", "2026-01-05T09:50:00Z,BTC/USD,90000,0.5",
                "2026-01-05T09:00:00Z,BTC/USD,90000,0.5", "1970-01-01T00:00:00Z,BTC/USD,90000,0.5",
                "0,BTC/USD,90000,0.5");
        // duplicates (a file with its own trade ids)
        identified(cases, "duplicate trade id-2 of BTC/USD (first on line 2)", T + ",BTC/USD,90000,0.5,id-2",
                T + ",BTC/USD,91000,0.7,id-2", T + ",BTC/USD,90000,0.5, id-2 ", "2026-01-05T10:00:00Z,btc-usd,90000,0.5,id-2");
        // oversized
        trades(cases, "price must be > 0", T + ",BTC/USD," + BIG_NUMBER + ",0.5");
        trades(cases, "not a crypto pair", T + "," + BIG_SYMBOL + ",90000,0.5");
        trades(cases, "neither ISO-8601", "9".repeat(50_000) + "x,BTC/USD,90000,0.5");
        trades(cases, "is not a number", T + ",BTC/USD,x" + ",1".repeat(10_000));
        return cases.stream();
    }

    static void trades(List<Case> cases, String reason, String... rows) {
        for (String row : rows) {
            cases.add(new Case("trades", row, reason));
        }
    }

    static void labelled(List<Case> cases, String reason, String... rows) {
        for (String row : rows) {
            cases.add(new Case("trades-label", row, reason));
        }
    }

    static void identified(List<Case> cases, String reason, String... rows) {
        for (String row : rows) {
            cases.add(new Case("trades-id", row, reason));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tradeRows")
    void aBadTradeRowIsReportedWithItsLineAndTheGoodRowsAroundItAreReplayed(Case bad) throws Exception {
        String header = switch (bad.layout()) {
            case "trades-label" -> "timestamp,symbol,price,size,label";
            case "trades-id" -> "timestamp,symbol,price,size,trade_id";
            default -> "timestamp,symbol,price,size";
        };
        String suffix = bad.layout().equals("trades") ? "" : bad.layout().equals("trades-id") ? ",id-" : ",";
        Path file = Files.writeString(dir.resolve("trades.csv"), String.join("\n", header,
                "2026-01-05T10:00:00Z,BTC/USD,90000,0.5" + suffix + (suffix.equals(",id-") ? "2" : ""),
                bad.row(),
                "2026-01-05T10:00:02Z,BTC/USD,90100,0.5" + suffix + (suffix.equals(",id-") ? "4" : "")));
        RecordingReplaySink sink = new RecordingReplaySink();

        ReplaySummary summary = new FileReplayer(ReplaySpeed.MAX, new VirtualPacer(), new RowCheck(EDGE, CLOCK))
                .replay(file, sink);

        assertThat(sink.badRows).singleElement().asString().startsWith("3: ").contains(bad.reason());
        assertThat(sink.ticks).extracting(Tick::eventTime).containsExactly(Instant.parse("2026-01-05T10:00:00Z"),
                Instant.parse("2026-01-05T10:00:02Z"));
        assertThat(summary.read()).isEqualTo(3);
        assertThat(summary.skipped()).isEqualTo(1);
    }

    static Stream<Case> candleRows() {
        List<Case> cases = new ArrayList<>();
        String good = ",BTC/USD,100,101,99,100.5,2,3,100.2";
        // truncated
        bars(cases, "expected at least 7 columns", C + ",BTC/USD,100,101,99,100.5", C + ",BTC/USD", C,
                "2026-01-05T10:0");
        bars(cases, "volume is not a number", C + ",BTC/USD,100,101,99,100.5,");
        bars(cases, "open is not a number", C + ",BTC/USD,,101,99,100.5,2");
        // wrong type
        bars(cases, "open is not a number", C + ",BTC/USD,abc,101,99,100.5,2");
        bars(cases, "high is not a number", C + ",BTC/USD,100,x,99,100.5,2");
        bars(cases, "low is not a number", C + ",BTC/USD,100,101,true,100.5,2");
        bars(cases, "close is not a number", C + ",BTC/USD,100,101,99,[],2");
        bars(cases, "volume is not a number", C + ",BTC/USD,100,101,99,100.5,ten");
        bars(cases, "many", C + ",BTC/USD,100,101,99,100.5,2,many,100.2");
        bars(cases, "vwap is not a number", C + ",BTC/USD,100,101,99,100.5,2,3,avg");
        bars(cases, "timestamp is neither RFC 3339 nor epoch", "yesterday" + good, "2026-01-05 10:01:00" + good,
                "2026-01-05T10:01" + good);
        bars(cases, "not a crypto pair", C + ",12345,100,101,99,100.5,2", C + ",,100,101,99,100.5,2",
                C + ",BTC-USD-X,100,101,99,100.5,2");
        // NaN and negative
        bars(cases, "open is not finite", C + ",BTC/USD,NaN,101,99,100.5,2");
        bars(cases, "high is not finite", C + ",BTC/USD,100,Infinity,99,100.5,2");
        bars(cases, "volume is not finite", C + ",BTC/USD,100,101,99,100.5,1e400");
        bars(cases, "prices must be positive", C + ",BTC/USD,100,101,-1,100.5,2", C + ",BTC/USD,100,101,99,0,2",
                C + ",BTC/USD,-0.5,101,99,100.5,2");
        bars(cases, "must be non-negative", C + ",BTC/USD,100,101,99,100.5,-1", C + ",BTC/USD,100,101,99,100.5,2,-3,100",
                C + ",BTC/USD,100,101,99,100.5,2,3,-1");
        bars(cases, "is below low", C + ",BTC/USD,100,98,99,100,2");
        // far-future (the wall clock is 12:00), late and duplicate (not after the previous candle of the symbol)
        bars(cases, "ahead of the wall clock", "2026-01-05T12:10:00Z" + good, "2999-01-01T00:00:00Z" + good,
                "32503680000000" + good);
        bars(cases, "is not after the previous one", "2026-01-05T09:50:00Z" + good, "2026-01-05T10:00:00Z" + good,
                "2026-01-05T10:00:00Z,btc-usd,100,101,99,100.5,2,3,100.2", "1767607200000" + good);
        // oversized
        bars(cases, "open is not finite", C + ",BTC/USD," + BIG_NUMBER + ",101,99,100.5,2");
        bars(cases, "not a crypto pair", C + "," + BIG_SYMBOL + ",100,101,99,100.5,2");
        bars(cases, "timestamp is neither", "x".repeat(50_000) + good);
        bars(cases, "open is not a number", C + ",BTC/USD,x" + ",1".repeat(10_000));

        String tail = ",1736071319999,250,25,1,1,0";
        String t1 = "1736071260000"; // 2025-01-05T10:01:00Z
        klines(cases, "expected at least 6 columns", t1 + ",1,2,0.5", t1, t1 + ",1,2,0.5,1");
        klines(cases, "abc", "abc,1,2,0.5,1,10" + tail);
        klines(cases, "open is not finite", t1 + ",NaN,2,0.5,1,10" + tail);
        klines(cases, "open is not a number", t1 + ",one,2,0.5,1,10" + tail);
        klines(cases, "volume is not a number", t1 + ",1,2,0.5,1,lots" + tail);
        klines(cases, "must be non-negative", t1 + ",1,2,0.5,1,-10" + tail);
        klines(cases, "prices must be positive", t1 + ",1,2,-0.5,1,10" + tail, t1 + ",0,2,0.5,1,10" + tail);
        klines(cases, "is below low", t1 + ",1,0.4,0.5,1,10" + tail);
        klines(cases, "x", t1 + ",1,2,0.5,1,10,1736071319999,250,x,1,1,0");
        klines(cases, "ahead of the wall clock", "4102444800000,1,2,0.5,1,10" + tail);
        klines(cases, "is not after the previous one", "1736071200000,1,2,0.5,1,10" + tail,
                "1736071140000,1,2,0.5,1,10" + tail);
        klines(cases, "open is not finite", t1 + "," + BIG_NUMBER + ",2,0.5,1,10" + tail);
        return cases.stream();
    }

    static void bars(List<Case> cases, String reason, String... rows) {
        for (String row : rows) {
            cases.add(new Case("bars", row, reason));
        }
    }

    static void klines(List<Case> cases, String reason, String... rows) {
        for (String row : rows) {
            cases.add(new Case("klines", row, reason));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candleRows")
    void aBadCandleRowIsReportedWithItsLineAndTheGoodCandlesAroundItAreReplayed(Case bad) throws Exception {
        boolean klines = bad.layout().equals("klines");
        Path file;
        List<Instant> starts;
        int badLine;
        if (klines) {
            // a kline file without a header (as Binance ships them): the bad row is line 2
            file = Files.writeString(dir.resolve("klines.csv"), String.join("\n",
                    "1736071200000,1,2,0.5,1.5,10,1736071259999,15,3,1,1,0",
                    bad.row(),
                    "1736071320000,1.5,2,0.5,1,10,1736071379999,15,3,1,1,0"));
            starts = List.of(Instant.parse("2025-01-05T10:00:00Z"), Instant.parse("2025-01-05T10:02:00Z"));
            badLine = 2;
        } else {
            file = Files.writeString(dir.resolve("bars.csv"), String.join("\n",
                    "timestamp,symbol,open,high,low,close,volume,trade_count,vwap",
                    "2026-01-05T10:00:00Z,BTC/USD,100,101,99,100.5,2,3,100.2",
                    bad.row(),
                    "2026-01-05T10:02:00Z,BTC/USD,100.5,102,100,101,1,2,101"));
            starts = List.of(Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-05T10:02:00Z"));
            badLine = 3;
        }
        ReplayInput input = ReplayInput.of(file, ReplayFormat.CANDLES, klines ? "DOT/USD" : null);
        RecordingReplaySink sink = new RecordingReplaySink();

        CandleReplayer.Summary summary = new CandleReplayer(ReplaySpeed.MAX, new VirtualPacer(),
                new RowCheck(EDGE, CLOCK)).replay(input.candles(null), sink);

        assertThat(sink.badRows).singleElement().asString().startsWith(badLine + ": ").contains(bad.reason());
        assertThat(sink.bars).extracting(SourceBar::start).containsExactlyElementsOf(starts);
        assertThat(summary.bars()).isEqualTo(2);
        assertThat(summary.badRows()).isEqualTo(1);
    }

    @Test
    void thereAreAtLeastAHundredOfThem() {
        assertThat(tradeRows().count() + candleRows().count()).isGreaterThanOrEqualTo(100);
        assertThat(tradeRows().count()).isGreaterThanOrEqualTo(50);
        assertThat(candleRows().count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void aReplayBringsNoMoreSymbolsThanTheLimit() throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("many.csv"), String.join("\n", "timestamp,symbol,price,size",
                "2026-01-05T10:00:00Z,AAA/USD,1,1", "2026-01-05T10:00:01Z,BBB/USD,1,1",
                "2026-01-05T10:00:02Z,CCC/USD,1,1", "2026-01-05T10:00:03Z,AAA/USD,1,1"));
        RecordingReplaySink sink = new RecordingReplaySink();
        MarketPulseSettings.Edge two = new MarketPulseSettings.Edge(EDGE.maxFuture(), EDGE.maxLateness(), 2);

        new FileReplayer(ReplaySpeed.MAX, new VirtualPacer(), new RowCheck(two, CLOCK)).replay(file, sink);

        assertThat(sink.badRows).singleElement().asString().startsWith("4: ").contains("max-replay-symbols");
        assertThat(sink.ticks).extracting(Tick::symbol).containsExactly("AAA/USD", "BBB/USD", "AAA/USD");
    }
}
