package com.marketpulse.alerting.rules;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import com.marketpulse.events.AlertType;

/**
 * What a user wants to hear about one coin. In the defaults every field is set; in a per-coin override a
 * {@code null} field means "as in the defaults" ({@link #over}).
 *
 * @param types              the alert types to hear about
 * @param minSeverity        0–100: quieter alerts are suppressed
 * @param minMovePercent     the alert's price move must be at least this, in percent (0: any)
 * @param minImpact          the move's effect on the holding must be at least this much money, in the quote
 *                           currency (0: any); a holding without a quantity has no known impact and is not held to it
 * @param quietHours         when nothing is sent in the user's time zone: alerts are held for the digest at its end
 * @param cooldown           after an alert of a coin and type is told, the next one of that coin and type within this
 *                           time is suppressed…
 * @param furtherMovePercent …unless the price moved at least this many percent beyond the price last told (0: never)
 * @param repeatWhenGrowing  whether an episode that grows (same alert id, higher severity) is told again
 */
public record Rule(Set<AlertType> types, Integer minSeverity, Double minMovePercent, Double minImpact,
                   QuietHours quietHours, Duration cooldown, Double furtherMovePercent, Boolean repeatWhenGrowing) {

    /** Everything, as soon as it happens, at most once per coin and type in 30 minutes. */
    public static final Rule DEFAULTS = new Rule(EnumSet.allOf(AlertType.class), 0, 0.0, 0.0, QuietHours.NONE,
            Duration.ofMinutes(30), 0.0, false);

    /** An override that changes nothing. */
    public static final Rule INHERIT = new Rule(null, null, null, null, null, null, null, null);

    public Rule {
        types = types == null ? null : Set.copyOf(types);
        check(minSeverity == null || (minSeverity >= 0 && minSeverity <= 100), "minimum severity must be 0-100");
        check(minMovePercent == null || (minMovePercent >= 0 && minMovePercent <= 100),
                "minimum move must be 0-100 %");
        check(minImpact == null || (minImpact >= 0 && Double.isFinite(minImpact)),
                "minimum impact must be a positive amount or 0");
        check(cooldown == null || (!cooldown.isNegative() && cooldown.compareTo(Duration.ofDays(7)) <= 0),
                "cooldown must be between 0 and 7 days");
        check(furtherMovePercent == null || (furtherMovePercent >= 0 && furtherMovePercent <= 100),
                "further move must be 0-100 %");
    }

    /** This override's fields where set, {@code base}'s elsewhere. */
    public Rule over(Rule base) {
        return new Rule(types != null ? types : base.types, or(minSeverity, base.minSeverity),
                or(minMovePercent, base.minMovePercent), or(minImpact, base.minImpact),
                or(quietHours, base.quietHours), or(cooldown, base.cooldown),
                or(furtherMovePercent, base.furtherMovePercent), or(repeatWhenGrowing, base.repeatWhenGrowing));
    }

    /** Whether every field is set, as the defaults must be. */
    public boolean isComplete() {
        return types != null && minSeverity != null && minMovePercent != null && minImpact != null
                && quietHours != null && cooldown != null && furtherMovePercent != null && repeatWhenGrowing != null;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
