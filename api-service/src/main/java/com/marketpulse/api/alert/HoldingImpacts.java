package com.marketpulse.api.alert;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.marketpulse.alerting.rules.AlertMove;
import com.marketpulse.alerting.rules.Impact;
import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.HoldingImpact;
import com.marketpulse.api.portfolio.PortfolioService;

/**
 * Adds to each alert what its move did to the signed-in user's holding of the coin, with alert-rules' {@link Impact}
 * (the very figure delivery-service sends to the user's channels). Only the caller's own quantities are used, so the
 * impact never tells one user about another's holding.
 */
@Component
public class HoldingImpacts {

    private final PortfolioService portfolios;

    HoldingImpacts(PortfolioService portfolios) {
        this.portfolios = portfolios;
    }

    /** The alerts as {@code userId} sees them; unchanged for an anonymous caller ({@code null}). */
    public List<AlertDto> of(Long userId, List<AlertDto> alerts) {
        if (userId == null || alerts.isEmpty()) {
            return alerts;
        }
        Map<String, Double> quantities = portfolios.of(userId).quantities();
        if (quantities.isEmpty()) {
            return alerts;
        }
        return alerts.stream().map(alert -> withImpact(alert, quantities.get(alert.symbol()))).toList();
    }

    AlertDto of(Long userId, AlertDto alert) {
        return of(userId, List.of(alert)).getFirst();
    }

    /** The quantities of {@code userId}'s coins held with one (none for an anonymous caller). */
    public Map<String, Double> quantitiesOf(Long userId) {
        return userId == null ? Map.of() : Map.copyOf(portfolios.of(userId).quantities());
    }

    /** The alert as the holder of {@code quantity} of its coin sees it ({@code null}: unchanged). */
    public static AlertDto withImpact(AlertDto alert, Double quantity) {
        if (quantity == null || quantity <= 0) {
            return alert;
        }
        return AlertMove.of(alert.explanation())
                .map(move -> Impact.of(alert.symbol(), quantity, alert.price(), move))
                .map(impact -> alert.withImpact(view(impact)))
                .orElse(alert);
    }

    private static HoldingImpact view(Impact impact) {
        String symbol = impact.symbol();
        int slash = symbol.indexOf('/');
        String currency = slash < 0 ? null : symbol.substring(slash + 1);
        return new HoldingImpact(impact.quantity(), Math.round(impact.amount() * 100) / 100.0, currency,
                impact.minutes(), impact.text());
    }
}
