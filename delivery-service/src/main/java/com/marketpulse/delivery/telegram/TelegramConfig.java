package com.marketpulse.delivery.telegram;


import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import com.marketpulse.delivery.DeliveryProperties;

/**
 * The bot, when a token is configured: its API client and the update poller that links chats. Without a token
 * Telegram is off: the service starts as ever, says so once, and Telegram deliveries fail with that reason.
 */
@Configuration(proxyBeanMethods = false)
class TelegramConfig {

    private static final Logger log = LoggerFactory.getLogger(TelegramConfig.class);

    /** The bot, or empty when Telegram is off (no token). */
    @Bean
    TelegramBot telegramBot(DeliveryProperties properties) {
        DeliveryProperties.Telegram telegram = properties.telegram();
        if (!telegram.configured()) {
            log.info("Telegram off: no bot token (MARKETPULSE_DELIVERY_TELEGRAM_BOT_TOKEN); Telegram channels are not "
                    + "linked or sent to");
            return new TelegramBot(java.util.Optional.empty());
        }
        return new TelegramBot(java.util.Optional.of(new BotApi(telegram.baseUrl(), telegram.botToken())));
    }

    /** Started with the context; polls only when the bot is configured. */
    @Bean
    TelegramPoller telegramPoller(TelegramBot bot, PollerState state, Linker linker, TransactionTemplate transaction,
                                  DeliveryProperties properties, MeterRegistry meters) {
        return new TelegramPoller(bot, state, linker, transaction, properties.telegram(), meters);
    }
}
