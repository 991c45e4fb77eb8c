package com.marketpulse.api.portfolio;

import java.util.List;
import java.util.Map;

/**
 * A user replaced their portfolio.
 *
 * @param quantities symbol → quantity, for the coins held with one
 */
public record PortfolioChanged(long userId, List<String> symbols, Map<String, Double> quantities) {
}
