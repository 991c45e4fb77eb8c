package com.marketpulse.api.portfolio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code api.portfolio_holdings}: one row per (user, symbol), with an optional quantity. */
@Repository
class PortfolioRepository {

    private final JdbcClient jdbc;

    PortfolioRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** symbol → quantity (the value is {@code null} when no quantity was given). */
    Map<String, Double> holdings(long userId) {
        Map<String, Double> holdings = new LinkedHashMap<>();
        jdbc.sql("SELECT symbol, quantity FROM api.portfolio_holdings WHERE user_id = :user ORDER BY symbol")
                .param("user", userId)
                .query(rs -> {
                    String symbol = rs.getString("symbol");
                    double quantity = rs.getDouble("quantity");
                    // wasNull() speaks of the last column read: read nothing in between
                    holdings.put(symbol, rs.wasNull() ? null : quantity);
                });
        return holdings;
    }

    List<String> symbols(long userId) {
        return jdbc.sql("SELECT symbol FROM api.portfolio_holdings WHERE user_id = :user ORDER BY symbol")
                .param("user", userId)
                .query(String.class)
                .list();
    }

    void replace(long userId, Map<String, Double> holdings) {
        jdbc.sql("DELETE FROM api.portfolio_holdings WHERE user_id = :user").param("user", userId).update();
        holdings.forEach((symbol, quantity) -> jdbc.sql(
                        "INSERT INTO api.portfolio_holdings (user_id, symbol, quantity) VALUES (:user, :symbol, :quantity)")
                .param("user", userId)
                .param("symbol", symbol)
                .param("quantity", quantity, java.sql.Types.DOUBLE)
                .update());
    }
}
