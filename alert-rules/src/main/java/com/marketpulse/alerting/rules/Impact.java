package com.marketpulse.alerting.rules;

import java.util.Locale;

/**
 * What an alert's move did to a holding, in the quote currency: "your 0.8 BTC: −$3,450 in 4 min". The alert's price
 * is where the move ended, so the holding was worth {@code quantity × price / (1 + move)} before it.
 *
 * @param amount signed change of the holding's value
 */
public record Impact(String symbol, double quantity, double amount, int minutes) {

    public static Impact of(String symbol, double quantity, double price, AlertMove move) {
        double before = price / (1 + move.fraction());
        return new Impact(symbol, quantity, quantity * (price - before), move.minutes());
    }

    /** The base asset of a pair: BTC of BTC/USD. */
    public String asset() {
        int slash = symbol.indexOf('/');
        return slash < 0 ? symbol : symbol.substring(0, slash);
    }

    public String text() {
        return "your %s %s: %s in %d min".formatted(quantityText(), asset(), money(amount), minutes);
    }

    private String quantityText() {
        String text = String.format(Locale.US, "%.8f", quantity).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** −$3,450 or +$12.40: whole dollars from 100 on. */
    static String money(double amount) {
        double size = Math.abs(amount);
        String digits = String.format(Locale.US, size >= 100 ? "%,.0f" : "%,.2f", size);
        return (amount < 0 ? "−$" : "+$") + digits;
    }
}
