package com.marketpulse.api.contract;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

/**
 * One live anomaly alert as the API shows it (in listings and on the live stream).
 *
 * @param impact what the move did to the signed-in caller's holding of the coin; {@code null} when nobody is signed
 *               in, the caller does not hold the coin or gave no quantity, or the alert states no move
 */
@Schema(description = "An anomaly episode of one symbol and type")
public record AlertDto(
        @Schema(description = "deterministic UUID of the episode", example = "3f0c2a9e-6b1d-3c55-9a51-2f0e8d6b7c41") String id,
        @Schema(example = "BTC/USD") String symbol,
        @Schema(example = "PRICE_SPIKE") AlertType type,
        @Schema(example = "UP") Direction direction,
        @Schema(description = "0–100", example = "87") int severity,
        @Schema(example = "CRITICAL") SeverityLevel level,
        @Schema(description = "event time of the tick that opened the episode", example = "2026-11-24T12:00:03.120Z")
        Instant eventTime,
        @Schema(description = "event time of the latest anomalous tick", example = "2026-11-24T12:00:09.480Z")
        Instant endTime,
        @Schema(example = "97012.5") double price,
        @Schema(description = "Isolation Forest score in [0, 1]", example = "0.71") double score,
        @Schema(example = "iforest-20261124T115500Z") String modelVersion,
        @Schema(example = "price 6.2σ above its 50-trade mean; volume normal") String explanation,
        @Schema(example = "2026-11-24T12:00:03.410Z") Instant detectedAt,
        @Schema(nullable = true) HoldingImpact impact) {

    /** Without an impact: as anyone sees it. */
    public AlertDto(String id, String symbol, AlertType type, Direction direction, int severity, SeverityLevel level,
                    Instant eventTime, Instant endTime, double price, double score, String modelVersion,
                    String explanation, Instant detectedAt) {
        this(id, symbol, type, direction, severity, level, eventTime, endTime, price, score, modelVersion,
                explanation, detectedAt, null);
    }

    public static AlertDto of(Alert alert) {
        return new AlertDto(alert.alertId(), alert.symbol(), alert.type(), alert.direction(), alert.severity(),
                alert.level(), alert.eventTime(), alert.endTime(), alert.price(), alert.score(),
                alert.modelVersion(), alert.explanation(), alert.detectedAt());
    }

    /** The same alert as one holder sees it. */
    public AlertDto withImpact(HoldingImpact impact) {
        return new AlertDto(id, symbol, type, direction, severity, level, eventTime, endTime, price, score,
                modelVersion, explanation, detectedAt, impact);
    }
}
