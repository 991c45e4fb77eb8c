package com.marketpulse.alerting.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * What to do with one alert for one holder.
 *
 * @param reason   why it is held or suppressed ({@code null} when delivered now)
 * @param holdUntil when a held alert goes out with the digest ({@code null} unless held)
 * @param impact   the move's effect on the holding, when the quantity and the move are known
 */
public record Decision(Outcome outcome, Reason reason, Instant holdUntil, Optional<Impact> impact) {

    public enum Outcome { DELIVER, HOLD, SUPPRESS }

    public enum Reason {
        /** A backtest's alert: never delivered to anyone. */
        BACKTEST,
        /** The coin is snoozed. */
        SNOOZED,
        /** The user does not want this alert type for this coin. */
        TYPE,
        SEVERITY,
        MOVE,
        IMPACT,
        /** This episode was told already and did not grow (or growth is not to be told). */
        ALREADY_TOLD,
        /** Another alert of this coin and type was told within the cooldown. */
        COOLDOWN,
        /** Quiet hours: held for the digest at their end. */
        QUIET_HOURS
    }

    static Decision deliver(Optional<Impact> impact) {
        return new Decision(Outcome.DELIVER, null, null, impact);
    }

    static Decision hold(Instant until, Optional<Impact> impact) {
        return new Decision(Outcome.HOLD, Reason.QUIET_HOURS, until, impact);
    }

    static Decision suppress(Reason reason, Optional<Impact> impact) {
        return new Decision(Outcome.SUPPRESS, reason, null, impact);
    }
}
