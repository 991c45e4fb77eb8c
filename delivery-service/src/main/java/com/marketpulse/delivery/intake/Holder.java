package com.marketpulse.delivery.intake;

import java.time.Instant;
import java.util.List;

import com.marketpulse.alerting.rules.RuleSet;

/**
 * A user who holds an alert's coin and has a channel alerts can be sent to.
 *
 * @param quantity     how much they hold, {@code null} if they did not say
 * @param snoozedUntil the coin's snooze, {@code null} if none
 * @param channels     their enabled channels of a type delivery-service can send to
 */
record Holder(long userId, Double quantity, RuleSet rules, Instant snoozedUntil, List<Long> channels) {
}
