package com.marketpulse.api.backtest;

import java.util.List;
import java.util.Locale;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.BacktestReport;

/** The downloads as CSV (RFC 4180: a header row, fields with a comma, quote or line break quoted). */
final class Csv {

    private Csv() {
    }

    static String alerts(List<AlertDto> alerts) {
        StringBuilder out = new StringBuilder("id,symbol,type,direction,severity,level,event_time,end_time,price,score,"
                + "explanation\r\n");
        for (AlertDto a : alerts) {
            row(out, a.id(), a.symbol(), a.type().name(), a.direction().name(), Integer.toString(a.severity()),
                    a.level().name(), a.eventTime().toString(), a.endTime().toString(), number(a.price()),
                    number(a.score()), a.explanation());
        }
        return out.toString();
    }

    /** One row per alert type and one for all types: counts, and the scores where the input carried labels. */
    static String report(BacktestReport report) {
        StringBuilder out = new StringBuilder("type,alerts,caused,precision,labels,found,recall,median_delay_s\r\n");
        if (!report.labelled()) {
            report.countsByType().forEach((type, count) -> row(out, type.name(), Long.toString(count), "", "", "", "",
                    "", ""));
            row(out, "ALL", Long.toString(report.alerts()), "", "", "", "", "", "");
            return out.toString();
        }
        for (BacktestReport.Score s : report.scores()) {
            score(out, s.type().name(), s);
        }
        score(out, "ALL", report.overall());
        return out.toString();
    }

    private static void score(StringBuilder out, String type, BacktestReport.Score s) {
        row(out, type, Long.toString(s.alerts()), Long.toString(s.caused()), fraction(s.precision()),
                Long.toString(s.labels()), Long.toString(s.found()), fraction(s.recall()),
                s.medianDelaySeconds() == null ? "" : Long.toString(s.medianDelaySeconds()));
    }

    private static void row(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        // a leading =, +, - or @ would be run as a formula by a spreadsheet
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value : value;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    private static String fraction(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
