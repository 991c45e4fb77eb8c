package com.marketpulse.events.json;

import com.marketpulse.events.Alert;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.Bar;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

/** The serde of each event type: what travels on which topic is named in {@link com.marketpulse.events.Topics}. */
public final class EventSerdes {

    private EventSerdes() {
    }

    public static JsonSerde<Tick> tick() {
        return new JsonSerde<>(Tick.class);
    }

    public static JsonSerde<Quote> quote() {
        return new JsonSerde<>(Quote.class);
    }

    public static JsonSerde<SourceBar> sourceBar() {
        return new JsonSerde<>(SourceBar.class);
    }

    public static JsonSerde<Bar> bar() {
        return new JsonSerde<>(Bar.class);
    }

    public static JsonSerde<MarketFeatures> marketFeatures() {
        return new JsonSerde<>(MarketFeatures.class);
    }

    public static JsonSerde<Alert> alert() {
        return new JsonSerde<>(Alert.class);
    }

    public static JsonSerde<AnomalyLabel> anomalyLabel() {
        return new JsonSerde<>(AnomalyLabel.class);
    }

    public static JsonSerde<BacktestCommand> backtestCommand() {
        return new JsonSerde<>(BacktestCommand.class);
    }

    public static JsonSerde<BacktestProgress> backtestProgress() {
        return new JsonSerde<>(BacktestProgress.class);
    }
}
