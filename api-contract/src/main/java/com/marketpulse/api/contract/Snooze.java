package com.marketpulse.api.contract;

import java.time.Instant;

/** A snoozed coin and when the snooze ends. */
public record Snooze(String symbol, Instant until) {
}
