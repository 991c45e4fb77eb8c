package com.marketpulse.api.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.api.contract.AlertRules;
import com.marketpulse.api.contract.Snooze;
import com.marketpulse.api.contract.SnoozeRequest;
import com.marketpulse.api.market.SymbolCatalog;
import com.marketpulse.api.security.CurrentUser;
import com.marketpulse.api.web.ApiException;

/** The signed-in user's own alert rules and snoozes: there is no way to name another user's. */
@RestController
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
class AlertRulesController {

    static final int MAX_SNOOZE_MINUTES = 30 * 24 * 60;

    private final AlertRulesRepository repository;
    private final SymbolCatalog symbols;
    private final Clock clock;

    AlertRulesController(AlertRulesRepository repository, SymbolCatalog symbols, Clock clock) {
        this.repository = repository;
        this.symbols = symbols;
        this.clock = clock;
    }

    @GetMapping("/api/me/alert-rules")
    @Operation(summary = "My alert rules", description = "Defaults (every field filled in) and per-coin overrides.")
    AlertRules get(@AuthenticationPrincipal Jwt token) {
        long user = CurrentUser.of(token).id();
        return AlertRulesMapping.toContract(repository.rules(user).orElse(RuleSet.DEFAULT));
    }

    @PutMapping("/api/me/alert-rules")
    @Operation(summary = "Replace my alert rules",
            description = "Missing default fields take the shipped defaults; an override's missing fields take the "
                    + "user's defaults. Overrides are keyed by configured symbol.")
    AlertRules put(@AuthenticationPrincipal Jwt token, @RequestBody AlertRules rules) {
        long user = CurrentUser.of(token).id();
        RuleSet ruleSet = AlertRulesMapping.toRuleSet(rules, symbols);
        repository.save(user, ruleSet);
        return AlertRulesMapping.toContract(ruleSet);
    }

    @GetMapping("/api/me/snoozes")
    @Operation(summary = "My snoozed coins", description = "Only snoozes that have not ended.")
    List<Snooze> snoozes(@AuthenticationPrincipal Jwt token) {
        return repository.snoozes(CurrentUser.of(token).id(), clock.instant());
    }

    @PostMapping("/api/me/snoozes")
    @Operation(summary = "Snooze a coin",
            description = "No alert of the coin is delivered to me for the given minutes. Name the coin or an alert "
                    + "of it; 0 minutes ends the snooze.")
    Snooze snooze(@AuthenticationPrincipal Jwt token, @RequestBody SnoozeRequest request) {
        long user = CurrentUser.of(token).id();
        if (request.minutes() < 0 || request.minutes() > MAX_SNOOZE_MINUTES) {
            throw ApiException.badRequest("minutes must be 0 to " + MAX_SNOOZE_MINUTES + " (30 days).");
        }
        String symbol = symbolOf(request);
        Instant until = clock.instant().plus(Duration.ofMinutes(request.minutes()));
        repository.snooze(user, symbol, until);
        return new Snooze(symbol, until);
    }

    private String symbolOf(SnoozeRequest request) {
        if (request.symbol() != null && request.alertId() != null) {
            throw ApiException.badRequest("Name the coin or an alert, not both.");
        }
        if (request.alertId() != null) {
            return repository.symbolOfAlert(request.alertId()).orElseThrow(
                    () -> ApiException.notFound("No live alert " + ApiException.shown(request.alertId()) + "."));
        }
        if (request.symbol() == null) {
            throw ApiException.badRequest("Name the coin (symbol) or an alert of it (alertId).");
        }
        return symbols.require(request.symbol());
    }
}
