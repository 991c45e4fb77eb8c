package com.marketpulse.ingestion.replay;

import com.marketpulse.files.CandleFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayInputTest {

    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void binanceKlinesWithOrWithoutHeaderAndGzippedOrNotAreCandlesOfTheNamedPair() throws IOException {
        ReplayInput gzipped = ReplayInput.of(CandleReplayerTest.GZIPPED_WITH_HEADER, ReplayFormat.AUTO, "dot-usd");
        assertThat(gzipped.format()).isEqualTo(ReplayFormat.CANDLES);
        assertThat(gzipped.layout()).isEqualTo(CandleFormat.BINANCE_KLINES);
        assertThat(gzipped.symbol()).isEqualTo("DOT/USD");
        assertThat(gzipped.venue()).isEqualTo("binance");
        assertThat(gzipped.describe()).isEqualTo("Binance klines as DOT/USD");

        ReplayInput plain = ReplayInput.of(CandleReplayerTest.PLAIN_BAD_LINE_4, ReplayFormat.AUTO, "DOT/USD");
        assertThat(plain.format()).isEqualTo(ReplayFormat.CANDLES);
        assertThat(plain.layout()).isEqualTo(CandleFormat.BINANCE_KLINES);
    }

    @Test
    void aBarsCsvIsCandlesNamingTheirOwnSymbols() throws IOException {
        ReplayInput bars = ReplayInput.of(file("bars.csv",
                "timestamp,symbol,open,high,low,close,volume,trade_count,vwap\n"), ReplayFormat.AUTO, null);
        assertThat(bars.format()).isEqualTo(ReplayFormat.CANDLES);
        assertThat(bars.layout()).isEqualTo(CandleFormat.BARS_CSV);
        assertThat(bars.symbol()).isNull();
        assertThat(bars.venue()).isEqualTo("replay");
    }

    @Test
    void tradesFilesStayTrades() throws IOException {
        assertThat(ReplayInput.of(file("t.csv", "# trades\ntimestamp,symbol,price,size,label\n"), ReplayFormat.AUTO,
                null).format()).isEqualTo(ReplayFormat.TRADES);
        assertThat(ReplayInput.of(file("h.csv", "2026-01-05T10:00:00Z,BTC/USD,90000,0.5\n"), ReplayFormat.AUTO,
                null).format()).isEqualTo(ReplayFormat.TRADES);
        assertThat(ReplayInput.of(file("e.csv", "1767607202000,SOL/USD,150.125,10,\n"), ReplayFormat.AUTO,
                null).format()).isEqualTo(ReplayFormat.TRADES);
        assertThat(ReplayInput.of(file("empty.csv", ""), ReplayFormat.AUTO, null).format())
                .isEqualTo(ReplayFormat.TRADES);
        assertThat(ReplayInput.of(dir.resolve("day.parquet"), ReplayFormat.AUTO, null).format())
                .as("Parquet is not opened to be told").isEqualTo(ReplayFormat.TRADES);
    }

    @Test
    void aKlineFileWithoutAValidSymbolIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ReplayInput.of(CandleReplayerTest.GZIPPED_WITH_HEADER, ReplayFormat.AUTO, " "))
                .hasMessageContaining("MARKETPULSE_REPLAY_SYMBOL").hasMessageContaining("Binance klines");
        assertThatThrownBy(() -> ReplayInput.of(CandleReplayerTest.GZIPPED_WITH_HEADER, ReplayFormat.CANDLES,
                "DOTUSDT")).hasMessageContaining("MARKETPULSE_REPLAY_SYMBOL").hasMessageContaining("DOTUSDT");
    }

    @Test
    void anUnclearOrMismatchedFileIsRefusedSayingWhatToSet() throws IOException {
        assertThatThrownBy(() -> ReplayInput.of(file("odd.csv", "when,what,how much\n"), ReplayFormat.AUTO, null))
                .hasMessageContaining("MARKETPULSE_REPLAY_FORMAT");
        assertThatThrownBy(() -> ReplayInput.of(file("bars-without-header.csv",
                "2024-11-01T00:00:00Z,BTC/USD,69600,69700,69500,69650,0.5\n"), ReplayFormat.AUTO, null))
                .hasMessageContaining("header").hasMessageContaining("MARKETPULSE_REPLAY_FORMAT");
        assertThatThrownBy(() -> ReplayInput.of(dir.resolve("day.parquet"), ReplayFormat.CANDLES, null))
                .hasMessageContaining("Parquet");
    }

    @Test
    void aGzippedTradesCsvIsToldByItsUnzippedFirstLineAndReadUnzipped() throws IOException {
        Path gzippedTrades = dir.resolve("trades.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzippedTrades))) {
            out.write("timestamp,symbol,price,size\n2026-01-05T10:00:00Z,BTC/USD,100,1\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(ReplayInput.of(gzippedTrades, ReplayFormat.AUTO, null).format())
                .as("a gzipped trades CSV is told by its unzipped first line").isEqualTo(ReplayFormat.TRADES);
        try (TradeFile trades = TradeFile.open(gzippedTrades)) {
            assertThat(((TradeRow.Trade) trades.next()).tick().price()).isEqualTo(100);
            assertThat(trades.next()).isNull();
        }
    }

    @Test
    void theFormatSettingIsAutoTradesOrCandles() {
        assertThat(ReplayFormat.parse("")).isEqualTo(ReplayFormat.AUTO);
        assertThat(ReplayFormat.parse(" Candles ")).isEqualTo(ReplayFormat.CANDLES);
        assertThat(ReplayFormat.parse("trades")).isEqualTo(ReplayFormat.TRADES);
        assertThatThrownBy(() -> ReplayFormat.parse("klines")).hasMessageContaining("MARKETPULSE_REPLAY_FORMAT");
    }
}
