package com.marketpulse.evaluation.real;

import com.marketpulse.events.SourceBar;
import com.marketpulse.files.BadRow;
import com.marketpulse.files.CandleFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One real month of 1-minute candles of one symbol, read whole (a month is about 43,000 bars). */
record Month(String name, String symbol, List<SourceBar> bars, long badRows) {

    static Month read(Path file, String symbol) {
        List<SourceBar> bars = new ArrayList<>(45_000);
        List<BadRow> bad = new ArrayList<>();
        new CandleFile(file, symbol, "binance", null).read(bars::add, bad::add);
        return new Month(file.getFileName().toString(), symbol, List.copyOf(bars), bad.size());
    }

    /** {@code DOTUSDT-1m-2024-11.csv.gz} → {@code DOT/USD} (Binance's USDT pairs stand in for USD ones). */
    static String symbolOf(Path file) {
        String name = file.getFileName().toString().toUpperCase(Locale.ROOT);
        String pair = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
        for (String quote : new String[] {"USDT", "USDC", "USD"}) {
            if (pair.endsWith(quote) && pair.length() > quote.length()) {
                return pair.substring(0, pair.length() - quote.length()) + "/USD";
            }
        }
        throw new IllegalArgumentException("cannot tell the symbol of " + file + ": name it with --symbol");
    }

    Instant start() {
        return bars.getFirst().start();
    }

    Instant end() {
        return bars.getLast().eventTime();
    }
}
