package com.marketpulse.api.rules;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.marketpulse.alerting.rules.QuietHours;
import com.marketpulse.alerting.rules.Rule;
import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.api.contract.AlertRule;
import com.marketpulse.api.contract.AlertRules;
import com.marketpulse.api.market.SymbolCatalog;
import com.marketpulse.api.web.ApiException;
import com.marketpulse.events.AlertType;

/** Between the API's {@link AlertRules} and alert-rules' {@link RuleSet}; what cannot be one is a 400. */
final class AlertRulesMapping {

    private AlertRulesMapping() {
    }

    static RuleSet toRuleSet(AlertRules in, SymbolCatalog symbols) {
        ZoneId zone = zone(in.timeZone());
        Rule defaults = in.defaults() == null ? Rule.INHERIT : toRule(in.defaults(), "defaults");
        Map<String, Rule> overrides = new LinkedHashMap<>();
        in.overrides().forEach((raw, rule) -> {
            String symbol = symbols.require(raw);
            if (rule == null) {
                throw ApiException.badRequest("The override of " + symbol + " is empty: leave the coin out instead.");
            }
            if (overrides.put(symbol, toRule(rule, symbol)) != null) {
                throw ApiException.badRequest(symbol + " has two overrides.");
            }
        });
        return new RuleSet(zone, defaults, overrides);
    }

    static AlertRules toContract(RuleSet rules) {
        Map<String, AlertRule> overrides = new LinkedHashMap<>();
        rules.overrides().forEach((symbol, rule) -> overrides.put(symbol, toContract(rule)));
        return new AlertRules(rules.zone().getId(), toContract(rules.defaults()), overrides);
    }

    private static AlertRule toContract(Rule r) {
        QuietHours q = r.quietHours();
        return new AlertRule(r.types() == null ? null : r.types().stream().sorted().map(Enum::name).toList(),
                r.minSeverity(), r.minMovePercent(), r.minImpact(), q == null ? null : q.from().toString(),
                q == null ? null : q.to().toString(), r.cooldown() == null ? null : (int) r.cooldown().toMinutes(),
                r.furtherMovePercent(), r.repeatWhenGrowing());
    }

    private static Rule toRule(AlertRule in, String where) {
        try {
            return new Rule(types(in.types(), where), in.minSeverity(), in.minMovePercent(), in.minImpact(),
                    quiet(in.quietFrom(), in.quietTo(), where),
                    in.cooldownMinutes() == null ? null : Duration.ofMinutes(in.cooldownMinutes()),
                    in.furtherMovePercent(), in.repeatWhenGrowing());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(where + ": " + e.getMessage() + ".");
        }
    }

    private static Set<AlertType> types(List<String> raw, String where) {
        if (raw == null) {
            return null;
        }
        Set<AlertType> types = EnumSet.noneOf(AlertType.class);
        for (String type : raw) {
            try {
                types.add(AlertType.valueOf(String.valueOf(type)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(where + ": unknown alert type " + ApiException.shown(type)
                        + "; one of " + List.of(AlertType.values()) + ".");
            }
        }
        return types;
    }

    private static QuietHours quiet(String from, String to, String where) {
        if (from == null && to == null) {
            return null;
        }
        if (from == null || to == null) {
            throw ApiException.badRequest(where + ": quiet hours need both quietFrom and quietTo (HH:mm).");
        }
        try {
            return new QuietHours(LocalTime.parse(from), LocalTime.parse(to));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(where + ": quiet hours are local times like 22:00, not "
                    + ApiException.shown(from) + " / " + ApiException.shown(to) + ".");
        }
    }

    private static ZoneId zone(String raw) {
        if (raw == null || raw.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("Unknown time zone " + ApiException.shown(raw)
                    + ": use an IANA name such as Europe/Berlin.");
        }
    }
}
