package com.marketpulse.delivery.telegram;

import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * What the bot answers to one message: {@code /start <code>} (the deep link {@code t.me/<bot>?start=<code>} sends
 * exactly that) links the channel whose current code it is, if not expired and not used by another chat; anything
 * else gets a short, polite explanation. Each update is counted by outcome.
 */
@Component
class Linker {

    /** A reply to send to a chat. */
    record Reply(long chatId, String text) {
    }

    static final String HOW = "Add a Telegram channel on your MarketPulse Notifications page and open the link it "
            + "shows (or send /start followed by its code).";

    private final LinkCodes codes;
    private final Clock clock;
    private final MeterRegistry meters;

    Linker(LinkCodes codes, Clock clock, MeterRegistry meters) {
        this.codes = codes;
        this.clock = clock;
        this.meters = meters;
    }

    /** Handles one update (in the caller's transaction); empty when there is nothing to answer. */
    Optional<Reply> on(JsonNode update) {
        JsonNode message = update.path("message");
        JsonNode chat = message.path("chat").path("id");
        if (!chat.isIntegralNumber() || !message.path("text").isString()) {
            count("ignored");
            return Optional.empty();
        }
        long chatId = chat.asLong();
        String text = message.get("text").asString().strip();
        String[] words = text.split("\\s+", 2);
        // "/start@MarketPulseBot code" in a group names the bot
        if (!words[0].equals("/start") && !words[0].startsWith("/start@")) {
            count("other");
            return Optional.of(new Reply(chatId, "I send MarketPulse alerts. " + HOW));
        }
        if (words.length < 2) {
            count("no_code");
            return Optional.of(new Reply(chatId, "Welcome to MarketPulse. " + HOW));
        }
        return Optional.of(new Reply(chatId, link(chatId, words[1].strip())));
    }

    private String link(long chatId, String code) {
        String hash = LinkCodes.hash(code);
        LinkCodes.Issued issued = codes.find(hash).orElse(null);
        if (issued == null) {
            count("unknown_code");
            return "Sorry, that link code is not valid (it may have been replaced by a newer one). " + HOW;
        }
        if (issued.linkedChat() != null && issued.linkedChat() != chatId) {
            count("used_code");
            return "Sorry, that link code was already used by another chat. Ask for a new link on your "
                    + "Notifications page.";
        }
        if (issued.linkedChat() == null && !clock.instant().isBefore(issued.expiresAt())) {
            count("expired_code");
            return "Sorry, that link code has expired. Ask for a new link on your Notifications page.";
        }
        codes.link(issued.channelId(), chatId, hash);
        count("linked");
        return "Linked to MarketPulse as " + TelegramText.escape(issued.accountName()) + ". Alerts about the coins you hold will arrive "
                + "in this chat.";
    }

    private void count(String outcome) {
        meters.counter("marketpulse.delivery.telegram.updates", "outcome", outcome).increment();
    }
}
