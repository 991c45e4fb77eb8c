package com.marketpulse.detection.core;

import java.util.Locale;

/** How explanations write numbers: percent with a sign, money with a sign and grouping, multiples. */
final class Money {

    private Money() {
    }

    static String percent(double fraction) {
        return String.format(Locale.US, "%s%.1f %%", fraction < 0 ? "−" : "+", Math.abs(fraction) * 100);
    }

    /** A signed price difference per unit, with as many decimals as the price needs. */
    static String signedPrice(double difference, double price) {
        return (difference < 0 ? "−" : "+") + price(Math.abs(difference), price);
    }

    static String price(double amount, double reference) {
        int decimals = reference >= 1000 ? 0 : reference >= 10 ? 2 : reference >= 0.1 ? 4 : 6;
        return String.format(Locale.US, "$%,." + decimals + "f", amount);
    }

    /** Traded value: $12.4M, $830k, $950. */
    static String value(double amount) {
        if (amount >= 1e9) {
            return String.format(Locale.US, "$%.1fB", amount / 1e9);
        }
        if (amount >= 1e6) {
            return String.format(Locale.US, "$%.1fM", amount / 1e6);
        }
        if (amount >= 1e3) {
            return String.format(Locale.US, "$%.0fk", amount / 1e3);
        }
        return String.format(Locale.US, "$%.0f", amount);
    }

    static String times(double multiple) {
        return String.format(Locale.US, multiple >= 10 ? "%.0f×" : "%.1f×", multiple);
    }
}
