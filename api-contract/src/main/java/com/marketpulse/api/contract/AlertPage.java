package com.marketpulse.api.contract;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of alerts, newest first. */
public record AlertPage(
        List<AlertDto> items,
        @Schema(description = "pass as ?cursor= for the next (older) page; null on the last page", nullable = true)
        @Nullable String nextCursor) {
}
