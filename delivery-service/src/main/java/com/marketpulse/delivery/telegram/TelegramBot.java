package com.marketpulse.delivery.telegram;

import java.util.Optional;

/** The configured bot's API, empty when Telegram is off (no token). */
public record TelegramBot(Optional<BotApi> api) {
}
