package com.marketpulse.delivery.send;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.marketpulse.delivery.send.DeliveryQueue.Target;
import com.marketpulse.delivery.telegram.BotApi;
import com.marketpulse.delivery.telegram.TelegramBot;
import com.marketpulse.delivery.telegram.TelegramChats;
import com.marketpulse.delivery.telegram.TelegramText;

/**
 * Sends a delivery to the Telegram chat its channel was linked to ({@code sendMessage}, HTML): the alert and the
 * holding's impact in money. 429 (flood control), 5xx and timeouts are retried with the dispatcher's back-off (which
 * has no per-attempt delay, so Telegram's {@code retry_after} is only logged in the detail); 400 (chat not found) and
 * 403 (the user blocked the bot) fail for good. A channel not linked yet is given no deliveries (the intake skips
 * it, as an unconfirmed email address); one that lost its chat after a delivery was queued fails it with that reason
 * in the delivery log. On a server without a bot token Telegram deliveries are dropped with that reason, and the
 * channel is not counted as failing.
 */
@Component
final class TelegramSender implements ChannelSender {

    static final String OFF = "Telegram is not configured on this server (no bot token)";

    private final TelegramBot bot;
    private final TelegramChats chats;

    TelegramSender(TelegramBot bot, TelegramChats chats) {
        this.bot = bot;
        this.chats = chats;
    }

    @Override
    public String type() {
        return "TELEGRAM";
    }

    @Override
    public String unusable(Target target) {
        return bot.api().isEmpty() ? OFF : null;
    }

    @Override
    public Attempt send(Target target, String secret, String deliveryId, String body) {
        BotApi api = bot.api().orElse(null);
        if (api == null) {
            return Attempt.failed(null, OFF);
        }
        Long chat = chats.chatOf(UUID.fromString(deliveryId)).orElse(null);
        if (chat == null) {
            return Attempt.failed(null, "the Telegram chat is not linked yet: its owner sends /start with the link "
                    + "code to the bot");
        }
        try {
            return judge(api.sendMessage(chat, TelegramText.of(body)));
        } catch (HttpTimeoutException e) {
            return Attempt.retry(null, "timeout");
        } catch (IOException e) {
            return Attempt.retry(null, "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.retry(null, "interrupted");
        }
    }

    static Attempt judge(BotApi.Answer answer) {
        if (answer.ok()) {
            return Attempt.sent(answer.status());
        }
        String detail = "Telegram: " + answer.description()
                + (answer.retryAfter() == null ? "" : " (retry_after " + answer.retryAfter() + " s)");
        int status = answer.status();
        if (status == 429 || status >= 500) {
            return Attempt.retry(status, detail);
        }
        return Attempt.failed(status, detail);
    }
}
