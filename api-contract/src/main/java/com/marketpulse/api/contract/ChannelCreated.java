package com.marketpulse.api.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new channel and, for a webhook, its signing secret: shown this once, stored only sealed for delivery-service.
 * The receiver checks {@code X-MarketPulse-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}.
 * A Telegram channel comes with its one-time link instead, also shown this once.
 */
public record ChannelCreated(Channel channel,
                             @Schema(nullable = true, example = "whsec_3q2-7wEXAMPLE") String secret,
                             @Schema(nullable = true) TelegramLink telegramLink) {

    public ChannelCreated(Channel channel, String secret) {
        this(channel, secret, null);
    }
}
