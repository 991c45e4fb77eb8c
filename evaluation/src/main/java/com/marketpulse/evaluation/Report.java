package com.marketpulse.evaluation;

import com.marketpulse.events.AlertType;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints an {@link Evaluation.Result} as a table, with the aims of the product and whether they are met. */
final class Report {

    static final double AIM_RECALL = 0.9;
    static final double AIM_PRECISION = 0.8;
    static final double AIM_DELAY_TICKS = 3;
    static final double AIM_FALSE_PER_SYMBOL_DAY = 5;

    private Report() {
    }

    static void print(Evaluation.Result result, PrintWriter out) {
        String row = "%-17s %7s %7s %7s %6s %6s %6s %9s %7s %9s %11s %8s %13s%n";
        out.printf(Locale.ROOT, row, "type", "labels", "recall", "alerts", "true", "cross", "false", "precision",
                "strict", "est.prec", "delay ticks", "delay s", "false/sym-day");
        for (AlertType type : AlertType.values()) {
            TypeMetrics m = result.labelled().get(type);
            out.printf(Locale.ROOT, row, type, m.labels(), fixed(m.recall(), 3), m.alerts(), m.truePositives(),
                    m.crossType(), m.falsePositives(), fixed(m.precision(), 3), fixed(m.strictPrecision(), 3),
                    fixed(result.estimatedPrecision(type), 3), fixed(m.medianDelayTicks(), 1),
                    fixed(m.medianDelaySeconds(), 2),
                    fixed(result.falseAlertsPerSymbolDay(type), 2));
        }
        out.printf(Locale.ROOT, "%-17s %s%n", "all types", "false alerts per symbol-day on anomaly-free streams: "
                + fixed(result.falseAlertsPerSymbolDay(), 2) + " (" + String.format(Locale.ROOT, "%.1f",
                result.quietSymbolDays()) + " symbol-days)");
        out.println();
        out.println("""
                precision = true / (true + false), cross-type alerts (another type's label overlapped) left out; strict
                counts them as false; est.prec replaces the labelled streams' false alerts by the anomaly-free rate
                times their symbol-days (labels cover much of a labelled stream, so false alerts there often overlap
                one by chance). Delays run from a label's start to the first finding of its type inside
                [start, end + grace].""");
        out.println("Aims: recall >= " + AIM_RECALL + ", precision >= " + AIM_PRECISION + ", median delay <= "
                + (int) AIM_DELAY_TICKS + " ticks per type; < " + (int) AIM_FALSE_PER_SYMBOL_DAY
                + " false alerts per symbol-day.");
        for (AlertType type : AlertType.values()) {
            TypeMetrics m = result.labelled().get(type);
            out.printf(Locale.ROOT, "  %-17s recall %s, precision %s, delay %s%n", type,
                    verdict(m.recall() >= AIM_RECALL), verdict(m.precision() >= AIM_PRECISION),
                    verdict(m.medianDelayTicks() <= AIM_DELAY_TICKS));
        }
        out.printf(Locale.ROOT, "  %-17s %s%n", "false alerts", verdict(result.falseAlertsPerSymbolDay()
                < AIM_FALSE_PER_SYMBOL_DAY));
        out.flush();
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** NaN comparisons are false, so a measure that could not be taken is reported as missed. */
    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
