package com.marketpulse.api.contract;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** The signed-in account. */
public record Me(@Schema(example = "1") long id, @Schema(example = "demo") String username,
                 @Schema(example = "2026-11-24T12:00:00Z") Instant createdAt) {
}
