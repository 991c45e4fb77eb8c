package com.marketpulse.alerting.rules;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * One user's rules: the defaults for every coin, per-coin overrides (keyed by symbol, e.g. {@code BTC/USD}) and the
 * time zone quiet hours are read in.
 */
public record RuleSet(ZoneId zone, Rule defaults, Map<String, Rule> overrides) {

    /** What a user who never set a rule gets: {@link Rule#DEFAULTS} in UTC. */
    public static final RuleSet DEFAULT = new RuleSet(ZoneId.of("UTC"), Rule.DEFAULTS, Map.of());

    public RuleSet {
        Objects.requireNonNull(zone, "a time zone is required");
        Objects.requireNonNull(defaults, "defaults are required");
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        // a partial default would leave some coin without an answer: fill it from the shipped defaults
        defaults = defaults.over(Rule.DEFAULTS);
    }

    /** The rule in force for {@code symbol}: its override over the defaults. */
    public Rule forSymbol(String symbol) {
        Rule override = overrides.get(symbol);
        return override == null ? defaults : override.over(defaults);
    }
}
