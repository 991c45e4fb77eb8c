package com.marketpulse.alerting.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.marketpulse.events.Alert;

/**
 * The price move an alert reports, as a fraction over some minutes. An {@link Alert} carries it only in its
 * explanation, which detection-core writes as e.g. {@code BTC/USD −4.8 % in 5 min (…)} (a price spike),
 * {@code … (price +0.1 % in 5 min)} (a volume anomaly) or {@code … (−1.2 % in 15 min)} (a volatility burst): the first
 * signed percentage followed by "in N min" is the move. Read to 0.1 %, as written; AlertMoveTest keeps this in step
 * with detection-core's rules.
 */
public record AlertMove(double fraction, int minutes) {

    private static final Pattern MOVE = Pattern.compile("([+−-])(\\d+(?:\\.\\d+)?) % in (\\d+) min");

    public static Optional<AlertMove> of(Alert alert) {
        return of(alert.explanation());
    }

    /** The move an alert's explanation states (the API has the explanation, not the event). */
    public static Optional<AlertMove> of(String explanation) {
        if (explanation == null) {
            return Optional.empty();
        }
        Matcher m = MOVE.matcher(explanation);
        if (!m.find()) {
            return Optional.empty();
        }
        double percent = Double.parseDouble(m.group(2));
        int sign = m.group(1).equals("+") ? 1 : -1;
        return Optional.of(new AlertMove(sign * percent / 100, Integer.parseInt(m.group(3))));
    }

    public double percent() {
        return Math.abs(fraction) * 100;
    }

    /** As people read it in a message: "−5.0 % in 4 min", "+3.2 % in 15 min". */
    public String text() {
        return (fraction < 0 ? "−" : "+") + String.format(java.util.Locale.ROOT, "%.1f %% in %d min", percent(),
                minutes);
    }
}
