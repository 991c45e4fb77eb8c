package com.marketpulse.alerting.rules;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.json.EventJson;

/**
 * How a {@link RuleSet} is stored (api-service writes {@code api.alert_rule_sets.rules}, delivery-service reads it):
 * JSON of plain fields (a zone id, {@code HH:mm} times, minutes), so the stored form does not follow the records'
 * Java types.
 */
public final class RuleSetJson {

    private RuleSetJson() {
    }

    record Stored(String zone, StoredRule defaults, Map<String, StoredRule> overrides) {
    }

    record StoredRule(Set<AlertType> types, Integer minSeverity, Double minMovePercent, Double minImpact,
                      String quietFrom, String quietTo, Long cooldownMinutes, Double furtherMovePercent,
                      Boolean repeatWhenGrowing) {

        static StoredRule of(Rule r) {
            QuietHours q = r.quietHours();
            return new StoredRule(r.types(), r.minSeverity(), r.minMovePercent(), r.minImpact(),
                    q == null ? null : q.from().toString(), q == null ? null : q.to().toString(),
                    r.cooldown() == null ? null : r.cooldown().toMinutes(), r.furtherMovePercent(),
                    r.repeatWhenGrowing());
        }

        Rule rule() {
            QuietHours q = quietFrom == null ? null : new QuietHours(LocalTime.parse(quietFrom), LocalTime.parse(quietTo));
            return new Rule(types, minSeverity, minMovePercent, minImpact, q,
                    cooldownMinutes == null ? null : Duration.ofMinutes(cooldownMinutes), furtherMovePercent,
                    repeatWhenGrowing);
        }
    }

    public static String write(RuleSet rules) {
        Map<String, StoredRule> overrides = new LinkedHashMap<>();
        rules.overrides().forEach((symbol, rule) -> overrides.put(symbol, StoredRule.of(rule)));
        return EventJson.mapper().writeValueAsString(new Stored(rules.zone().getId(), StoredRule.of(rules.defaults()),
                overrides));
    }

    public static RuleSet read(String json) {
        Stored stored = EventJson.mapper().readValue(json, Stored.class);
        Map<String, Rule> overrides = new LinkedHashMap<>();
        if (stored.overrides() != null) {
            stored.overrides().forEach((symbol, rule) -> overrides.put(symbol, rule.rule()));
        }
        return new RuleSet(ZoneId.of(stored.zone()), stored.defaults().rule(), overrides);
    }
}
