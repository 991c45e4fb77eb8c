package com.marketpulse.api.portfolio;

import java.util.List;

/** A user replaced their portfolio. */
public record PortfolioChanged(long userId, List<String> symbols) {
}
