package com.marketpulse.delivery.intake;

import java.time.Instant;

import com.marketpulse.alerting.rules.Impact;
import com.marketpulse.events.Alert;

/**
 * What a channel receives about one alert for one holder (stored as a delivery's payload; the sender adds the
 * delivery id).
 *
 * @param impact     the move's effect on the holding, {@code null} when the quantity or the move is unknown
 * @param heldUntil  set when quiet hours held it: it goes out at their end
 * @param timeZone   the holder's zone (their alert rules'), for the times in the texts they read
 */
record Notice(Alert alert, ImpactView impact, Instant heldUntil, String timeZone) {

    /** @param text "your 0.8 BTC: −$2,737 in 4 min" */
    record ImpactView(String symbol, double quantity, double amount, int minutes, String text) {

        static ImpactView of(Impact impact) {
            return new ImpactView(impact.symbol(), impact.quantity(), Math.round(impact.amount() * 100) / 100.0,
                    impact.minutes(), impact.text());
        }
    }
}
