package com.marketpulse.api.alert;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.AlertPage;
import com.marketpulse.api.market.SymbolCatalog;
import com.marketpulse.api.portfolio.PortfolioService;
import com.marketpulse.api.security.CurrentUser;
import com.marketpulse.api.web.ApiException;

@RestController
@Tag(name = "Alerts", description = "Live anomaly alerts, newest first")
class AlertController {

    private final AlertRepository alerts;
    private final SymbolCatalog symbols;
    private final PortfolioService portfolios;
    private final HoldingImpacts impacts;

    AlertController(AlertRepository alerts, SymbolCatalog symbols, PortfolioService portfolios,
                    HoldingImpacts impacts) {
        this.alerts = alerts;
        this.symbols = symbols;
        this.portfolios = portfolios;
        this.impacts = impacts;
    }

    @GetMapping("/api/alerts")
    @Operation(summary = "Search live alerts",
            description = "Newest first (by event time). Follow nextCursor for older alerts; it is null on the last page. "
                    + "With a bearer token, each alert of a coin the caller holds (with a quantity) carries 'impact': "
                    + "what the move did to that holding.")
    AlertPage search(@AuthenticationPrincipal Jwt token, @ParameterObject AlertFilter filter) {
        return page(userOf(token), filter.toQuery(symbols));
    }

    @GetMapping("/api/alerts/{id}")
    @Operation(summary = "One live alert by id")
    AlertDto one(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        AlertDto alert = alerts.findLive(id)
                .orElseThrow(() -> ApiException.notFound("No alert with id " + ApiException.shown(id) + "."));
        return impacts.of(userOf(token), alert);
    }

    @GetMapping("/api/me/alerts")
    @Operation(summary = "Live alerts of the coins in my portfolio", security = @SecurityRequirement(name = "bearer"),
            description = "Same filters and paging as /api/alerts, restricted to the signed-in user's portfolio.")
    AlertPage mine(@AuthenticationPrincipal Jwt token, @ParameterObject AlertFilter filter) {
        AlertQuery query = filter.toQuery(symbols);
        List<String> held = portfolios.symbolsOf(CurrentUser.of(token).id());
        AlertQuery restricted = query.restrictedTo(held);
        if (restricted.symbols().isEmpty()) {
            return new AlertPage(List.of(), null);
        }
        return page(CurrentUser.of(token).id(), restricted);
    }

    private AlertPage page(Long userId, AlertQuery query) {
        List<AlertDto> rows = alerts.find(query);
        if (rows.size() <= query.limit()) {
            return new AlertPage(impacts.of(userId, rows), null);
        }
        List<AlertDto> items = rows.subList(0, query.limit());
        AlertDto last = items.getLast();
        return new AlertPage(impacts.of(userId, List.copyOf(items)),
                new AlertCursor(last.eventTime(), last.id()).encode());
    }

    /** The signed-in caller, {@code null} when anonymous (these listings are public). */
    private static Long userOf(Jwt token) {
        return token == null ? null : CurrentUser.of(token).id();
    }
}
