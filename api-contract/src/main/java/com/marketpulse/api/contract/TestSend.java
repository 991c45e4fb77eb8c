package com.marketpulse.api.contract;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A "send a test alert" request, taken: delivery-service sends a clearly marked test alert (no market alert) through
 * the channel's real sender within a few seconds; its outcome shows in {@code GET /api/me/deliveries}.
 *
 * @param id the request's id
 */
public record TestSend(
        @Schema(example = "17") long id,
        @Schema(example = "4") long channelId,
        @Schema(example = "2026-11-24T12:00:03Z") Instant requestedAt) {
}
