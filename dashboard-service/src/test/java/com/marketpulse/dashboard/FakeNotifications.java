package com.marketpulse.dashboard;

import static com.marketpulse.dashboard.FakeApi.json;
import static com.marketpulse.dashboard.FakeApi.problem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertRule;
import com.marketpulse.api.contract.AlertRules;
import com.marketpulse.api.contract.DeliveryLogPage;
import com.marketpulse.api.contract.Snooze;
import com.marketpulse.api.contract.SnoozeRequest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The notification side of {@link FakeApi}, per user: alert rules (defaults filled in as the API fills them, per-coin
 * overrides refused as the API refuses them: an unknown coin, an empty override, a cooldown beyond 7 days, quiet hours
 * with one end), snoozes (by coin or by a live alert's id; 0 minutes ends one), and no channels or deliveries.
 */
final class FakeNotifications {

    /** The API's rule for a user who never set one ({@code RuleSet.DEFAULT}), as {@code GET} answers it. */
    static final AlertRule SHIPPED = new AlertRule(List.of("PRICE_SPIKE", "VOLUME_ANOMALY", "VOLATILITY_BURST"), 0,
            0.0, 0.0, "00:00", "00:00", 30, 0.0, false);
    private static final int MAX_SNOOZE_MINUTES = 30 * 24 * 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> symbols;
    private final Function<String, Optional<String>> symbolOfAlert;
    private final Map<String, AlertRules> rules = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Instant>> snoozes = new ConcurrentHashMap<>();

    FakeNotifications(List<String> symbols, Function<String, Optional<String>> symbolOfAlert) {
        this.symbols = symbols;
        this.symbolOfAlert = symbolOfAlert;
    }

    /** The answer, or null when the call is none of these. */
    FakeApi.@Nullable Answer answer(String method, String path, @Nullable String user, String body) {
        Function<Function<String, FakeApi.Answer>, FakeApi.Answer> signedIn =
                call -> user == null ? problem(401, "Not logged in") : call.apply(user);
        return switch (method + " " + path) {
            case "GET /api/me/channels" -> signedIn.apply(u -> json(200, List.of()));
            case "GET /api/me/deliveries" -> signedIn.apply(u -> json(200, new DeliveryLogPage(List.of(), 0, 50, 0)));
            case "GET /api/me/alert-rules" -> signedIn.apply(u -> json(200, rules(u)));
            case "PUT /api/me/alert-rules" -> signedIn.apply(u -> save(u, JSON.readValue(body, AlertRules.class)));
            case "GET /api/me/snoozes" -> signedIn.apply(u -> json(200, snoozes(u)));
            case "POST /api/me/snoozes" -> signedIn.apply(u -> snooze(u, JSON.readValue(body, SnoozeRequest.class)));
            default -> null;
        };
    }

    AlertRules rules(String user) {
        return rules.getOrDefault(user, new AlertRules("UTC", SHIPPED, Map.of()));
    }

    List<Snooze> snoozes(String user) {
        Instant now = Instant.now();
        return snoozes.getOrDefault(user, Map.of()).entrySet().stream()
                .filter(snooze -> snooze.getValue().isAfter(now))
                .map(snooze -> new Snooze(snooze.getKey(), snooze.getValue()))
                .sorted(Comparator.comparing(Snooze::symbol))
                .toList();
    }

    private FakeApi.Answer save(String user, AlertRules requested) {
        Map<String, AlertRule> overrides = new LinkedHashMap<>();
        for (var entry : requested.overrides().entrySet()) {
            String symbol = entry.getKey().replace('-', '/');
            if (!symbols.contains(symbol)) {
                return problem(400, "Unknown symbol '" + entry.getKey() + "': use one of " + symbols + ".");
            }
            if (entry.getValue() == null) {
                return problem(400, "The override of " + symbol + " is empty: leave the coin out instead.");
            }
            String refused = refusal(entry.getValue());
            if (refused != null) {
                return problem(400, symbol + ": " + refused + ".");
            }
            overrides.put(symbol, sortedTypes(entry.getValue()));
        }
        AlertRule d = requested.defaults() == null ? SHIPPED : requested.defaults();
        String refused = refusal(d);
        if (refused != null) {
            return problem(400, "defaults: " + refused + ".");
        }
        var saved = new AlertRules(requested.timeZone() == null ? "UTC" : requested.timeZone(), new AlertRule(
                d.types() == null ? SHIPPED.types() : sortedTypes(d).types(), or(d.minSeverity(), SHIPPED.minSeverity()),
                or(d.minMovePercent(), SHIPPED.minMovePercent()), or(d.minImpact(), SHIPPED.minImpact()),
                or(d.quietFrom(), SHIPPED.quietFrom()), or(d.quietTo(), SHIPPED.quietTo()),
                or(d.cooldownMinutes(), SHIPPED.cooldownMinutes()),
                or(d.furtherMovePercent(), SHIPPED.furtherMovePercent()),
                or(d.repeatWhenGrowing(), SHIPPED.repeatWhenGrowing())), overrides);
        rules.put(user, saved);
        return json(200, saved);
    }

    /** The API's sentence for a rule alert-rules' {@code Rule} refuses, or null. */
    private static @Nullable String refusal(AlertRule rule) {
        if (rule.minSeverity() != null && (rule.minSeverity() < 0 || rule.minSeverity() > 100)) {
            return "minimum severity must be 0-100";
        }
        if (rule.cooldownMinutes() != null && (rule.cooldownMinutes() < 0 || rule.cooldownMinutes() > 7 * 24 * 60)) {
            return "cooldown must be between 0 and 7 days";
        }
        if ((rule.quietFrom() == null) != (rule.quietTo() == null)) {
            return "quiet hours need both quietFrom and quietTo (HH:mm)";
        }
        return null;
    }

    /** The API answers types in the enum's order. */
    private static AlertRule sortedTypes(AlertRule rule) {
        return rule.types() == null ? rule : new AlertRule(SHIPPED.types().stream().filter(rule.types()::contains)
                .toList(), rule.minSeverity(), rule.minMovePercent(), rule.minImpact(), rule.quietFrom(),
                rule.quietTo(), rule.cooldownMinutes(), rule.furtherMovePercent(), rule.repeatWhenGrowing());
    }

    private FakeApi.Answer snooze(String user, SnoozeRequest request) {
        if (request.minutes() < 0 || request.minutes() > MAX_SNOOZE_MINUTES) {
            return problem(400, "minutes must be 0 to " + MAX_SNOOZE_MINUTES + " (30 days).");
        }
        if ((request.symbol() == null) == (request.alertId() == null)) {
            return problem(400, "Name the coin (symbol) or an alert of it (alertId), not both.");
        }
        Optional<String> symbol = request.alertId() != null ? symbolOfAlert.apply(request.alertId())
                : Optional.of(request.symbol().replace('-', '/')).filter(symbols::contains);
        if (symbol.isEmpty()) {
            return problem(request.alertId() != null ? 404 : 400, request.alertId() != null
                    ? "No live alert '" + request.alertId() + "'." : "Unknown symbol '" + request.symbol() + "'.");
        }
        Instant until = Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(request.minutes(), ChronoUnit.MINUTES);
        snoozes.computeIfAbsent(user, u -> new ConcurrentHashMap<>()).put(symbol.get(), until);
        return json(200, new Snooze(symbol.get(), until));
    }

    private static <T> T or(@Nullable T value, T fallback) {
        return value != null ? value : fallback;
    }
}
