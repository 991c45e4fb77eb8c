package com.marketpulse.alerting.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * One holder of an alert's coin, as the decision needs them.
 *
 * @param quantity      how much of the coin they hold, {@code null} if they did not say
 * @param snoozedUntil  the coin is snoozed until this instant, {@code null} if not
 * @param sameEpisode   the last time they were told of this very alert id
 * @param lastOfKind    the last time they were told of this coin and alert type (any alert id)
 */
public record Recipient(RuleSet rules, Double quantity, Instant snoozedUntil, Optional<Told> sameEpisode,
                        Optional<Told> lastOfKind) {
}
