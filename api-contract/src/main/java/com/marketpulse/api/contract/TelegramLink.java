package com.marketpulse.api.contract;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How to link a Telegram channel: open {@code url} (or send {@code /start <code>} to the bot) before
 * {@code expiresAt}. Shown once: only the code's hash is stored; a new link replaces it.
 */
public record TelegramLink(
        @Schema(example = "q3Yt7Vb2m1Xc9KpL0sDfEw") String code,
        @Schema(example = "https://t.me/MarketPulseBot?start=q3Yt7Vb2m1Xc9KpL0sDfEw") String url,
        Instant expiresAt) {
}
