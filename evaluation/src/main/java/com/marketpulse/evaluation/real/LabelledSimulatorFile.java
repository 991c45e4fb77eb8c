package com.marketpulse.evaluation.real;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.settings.Settings;
import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.MarketEvent;
import com.marketpulse.simulator.MarketSimulator;
import com.marketpulse.simulator.MarketSink;
import com.marketpulse.simulator.Profile;
import com.marketpulse.simulator.SimulatorOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's dense venue of one symbol as a labelled trades CSV ({@code timestamp,symbol,price,size,label}): the
 * detector's warm-up of calm trading, then a labelled move, volume burst or volatility burst every half hour (the
 * kinds in turn), each trade labelled with the kind of the event it falls in. A file to backtest and to score with
 * {@code ./evaluate.sh --trades FILE}.
 */
public final class LabelledSimulatorFile {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(30);

    private LabelledSimulatorFile() {
    }

    /**
     * @param after            calm trading before the first event (the detector's warm-up and a little more)
     * @param events           labelled events, {@link #EVERY} apart
     * @param tradesPerSecond  the venue's mean rate
     */
    public static void write(Path file, String symbol, long seed, Duration after, int events, double tradesPerSecond)
            throws IOException {
        SimulatorOptions defaults = Settings.defaults().simulator().withProfile(Profile.DENSE, EventStyle.MARKET)
                .withoutAnomalies().withSeed(seed);
        var options = new SimulatorOptions(defaults.profile(), defaults.events(), tradesPerSecond,
                defaults.anomaliesPerHour(), defaults.jumpSigmas(), defaults.volumeMultiplier(),
                defaults.volatilityMultiplier(), defaults.firstAnomalyAfter(), seed, defaults.thin(),
                defaults.marketEvents(), Duration.ZERO);
        var simulator = new MarketSimulator(options, List.of(symbol), START);
        Instant at = START.plus(after).plusSeconds(17);
        for (int i = 0; i < events; i++, at = at.plus(EVERY)) {
            simulator.schedule(switch (i % 4) {
                case 0 -> MarketEvent.priceMove(symbol, at, -4.0, Duration.ofMinutes(2));
                case 1 -> MarketEvent.volume(symbol, at, 15.0, Duration.ofMinutes(10));
                case 2 -> MarketEvent.priceMove(symbol, at, 5.0, Duration.ofMinutes(4));
                default -> MarketEvent.volatility(symbol, at, 6.0, Duration.ofMinutes(12));
            });
        }
        List<Tick> trades = new ArrayList<>();
        List<AnomalyLabel> labels = new ArrayList<>();
        simulator.advanceTo(at.plus(EVERY), new MarketSink() {
            @Override
            public void onTick(Tick tick) {
                trades.add(tick);
            }

            @Override
            public void onQuote(Quote quote) {
            }

            @Override
            public void onBar(SourceBar bar) {
            }

            @Override
            public void onLabel(AnomalyLabel label) {
                labels.add(label);
            }
        });
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("timestamp,symbol,price,size,label\n");
            for (Tick trade : trades) {
                AlertType kind = labels.stream().filter(l -> l.symbol().equals(trade.symbol())
                                && !trade.eventTime().isBefore(l.start()) && !trade.eventTime().isAfter(l.end()))
                        .map(AnomalyLabel::kind).findFirst().orElse(null);
                out.write(trade.eventTime() + "," + trade.symbol() + "," + trade.price() + "," + trade.size() + ","
                        + (kind == null ? "" : kind.name()) + "\n");
            }
        }
    }
}
