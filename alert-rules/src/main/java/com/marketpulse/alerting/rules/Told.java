package com.marketpulse.alerting.rules;

import java.time.Instant;

/**
 * An alert a user was told about (or that was held for their digest): what the cooldown and the repeats look at.
 *
 * @param at the told alert's event time: cooldowns are measured between alerts in event time, so a backlog read late
 *           is judged as it happened
 */
public record Told(String alertId, int severity, double price, Instant at) {
}
