package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.marketpulse.delivery.telegram.BotApi.Answer;
import com.marketpulse.delivery.telegram.TelegramBot;

/** Which Bot API answers are worth another attempt: flood control and server errors; never a blocked bot. */
class TelegramSenderTest {

    @Test
    void floodControlAndServerErrorsAreRetried() {
        assertThat(TelegramSender.judge(new Answer(429, false, null, "Too Many Requests: retry after 7", 7)))
                .isEqualTo(Attempt.retry(429, "Telegram: Too Many Requests: retry after 7 (retry_after 7 s)"));
        assertThat(TelegramSender.judge(new Answer(502, false, null, "Bad Gateway", null)).outcome())
                .isEqualTo(Attempt.Outcome.RETRY);
    }

    @Test
    void aBlockedBotOrAnUnknownChatFailsForGood() {
        assertThat(TelegramSender.judge(new Answer(403, false, null, "Forbidden: bot was blocked by the user", null)))
                .isEqualTo(Attempt.failed(403, "Telegram: Forbidden: bot was blocked by the user"));
        assertThat(TelegramSender.judge(new Answer(400, false, null, "Bad Request: chat not found", null)).outcome())
                .isEqualTo(Attempt.Outcome.FAILED);
    }

    @Test
    void anOkAnswerIsSent() {
        assertThat(TelegramSender.judge(new Answer(200, true, null, null, null))).isEqualTo(Attempt.sent(200));
    }

    @Test
    void withoutABotTokenNothingIsSentAndTheReasonSaysWhy() {
        var off = new TelegramSender(new TelegramBot(Optional.empty()), null);
        var channel = new DeliveryQueue.Target("TELEGRAM", null, null, true, Instant.now(), null, null);

        assertThat(off.unusable(channel)).as("dropped, the channel not counted as failing")
                .isEqualTo("Telegram is not configured on this server (no bot token)");
        assertThat(off.send(channel, null, UUID.randomUUID().toString(), "{}"))
                .isEqualTo(Attempt.failed(null, "Telegram is not configured on this server (no bot token)"));
    }
}
