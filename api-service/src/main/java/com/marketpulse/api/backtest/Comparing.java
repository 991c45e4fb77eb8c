package com.marketpulse.api.backtest;

import java.util.List;

import com.marketpulse.api.contract.AlertDto;

/**
 * Which alerts of one run the other run raised too: an alert is matched by one of the same symbol and type whose
 * span ({@code eventTime} to {@code endTime}) overlaps it. Alert ids cannot be compared: they name their run.
 */
final class Comparing {

    private Comparing() {
    }

    static List<AlertDto> onlyIn(List<AlertDto> these, List<AlertDto> others) {
        return these.stream().filter(a -> others.stream().noneMatch(b -> same(a, b))).toList();
    }

    static boolean same(AlertDto a, AlertDto b) {
        return a.symbol().equals(b.symbol()) && a.type() == b.type()
                && !a.endTime().isBefore(b.eventTime()) && !b.endTime().isBefore(a.eventTime());
    }
}
