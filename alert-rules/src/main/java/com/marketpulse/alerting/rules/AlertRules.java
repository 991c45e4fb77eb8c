package com.marketpulse.alerting.rules;

import java.time.Instant;
import java.util.Optional;

import com.marketpulse.alerting.rules.Decision.Reason;
import com.marketpulse.events.Alert;

/**
 * Decides, for one live alert and one holder of its coin, whether to deliver it now, hold it for the digest at the
 * end of quiet hours, or suppress it. The checks run in a fixed order and the first that refuses names the reason:
 * backtest, snooze, type, severity, move, impact, episode already told, cooldown; then quiet hours hold what passed.
 */
public final class AlertRules {

    private AlertRules() {
    }

    public static Decision decide(Alert alert, Recipient who, Instant now) {
        Optional<AlertMove> move = AlertMove.of(alert);
        Optional<Impact> impact = who.quantity() == null ? Optional.empty()
                : move.map(m -> Impact.of(alert.symbol(), who.quantity(), alert.price(), m));
        if (alert.runId() != null) {
            return Decision.suppress(Reason.BACKTEST, impact);
        }
        if (who.snoozedUntil() != null && now.isBefore(who.snoozedUntil())) {
            return Decision.suppress(Reason.SNOOZED, impact);
        }
        Rule rule = who.rules().forSymbol(alert.symbol());
        Reason refused = filter(alert, rule, move, impact);
        if (refused == null) {
            refused = repeat(alert, rule, who);
        }
        if (refused != null) {
            return Decision.suppress(refused, impact);
        }
        if (rule.quietHours().covers(now, who.rules().zone())) {
            return Decision.hold(rule.quietHours().endAfter(now, who.rules().zone()), impact);
        }
        return Decision.deliver(impact);
    }

    /** What the alert itself must be: a wanted type, severe enough, a big enough move and impact. */
    private static Reason filter(Alert alert, Rule rule, Optional<AlertMove> move, Optional<Impact> impact) {
        if (!rule.types().contains(alert.type())) {
            return Reason.TYPE;
        }
        if (alert.severity() < rule.minSeverity()) {
            return Reason.SEVERITY;
        }
        // an alert without a readable move is judged by the rest: a missing number never silences it
        if (move.isPresent() && move.get().percent() < rule.minMovePercent()) {
            return Reason.MOVE;
        }
        if (impact.isPresent() && Math.abs(impact.get().amount()) < rule.minImpact()) {
            return Reason.IMPACT;
        }
        return null;
    }

    /** Whether this user was told of it, or of its coin and type, recently enough that this would be a repeat. */
    private static Reason repeat(Alert alert, Rule rule, Recipient who) {
        if (who.sameEpisode().isPresent()) {
            boolean grew = alert.severity() > who.sameEpisode().get().severity();
            return grew && rule.repeatWhenGrowing() ? null : Reason.ALREADY_TOLD;
        }
        if (who.lastOfKind().isPresent()) {
            Told last = who.lastOfKind().get();
            boolean cooling = alert.eventTime().isBefore(last.at().plus(rule.cooldown()));
            if (cooling && !movedFurther(alert, last, rule)) {
                return Reason.COOLDOWN;
            }
        }
        return null;
    }

    private static boolean movedFurther(Alert alert, Told last, Rule rule) {
        if (!(rule.furtherMovePercent() > 0) || !(last.price() > 0)) {
            return false;
        }
        return Math.abs(alert.price() / last.price() - 1) * 100 >= rule.furtherMovePercent();
    }
}
