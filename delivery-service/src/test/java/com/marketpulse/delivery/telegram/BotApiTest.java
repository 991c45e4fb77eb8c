package com.marketpulse.delivery.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Bot API's answers as Telegram writes them, read into what the sender and the poller decide on. */
class BotApiTest {

    @Test
    void readsFloodControlWithItsRetryAfter() {
        BotApi.Answer answer = BotApi.answer(429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7",
                 "parameters":{"retry_after":7}}""");

        assertThat(answer.ok()).isFalse();
        assertThat(answer.description()).isEqualTo("Too Many Requests: retry after 7");
        assertThat(answer.retryAfter()).isEqualTo(7);
    }

    @Test
    void readsAnOkResult() {
        BotApi.Answer answer = BotApi.answer(200, """
                {"ok":true,"result":[{"update_id":5,"message":{"chat":{"id":42},"text":"/start abc"}}]}""");

        assertThat(answer.ok()).isTrue();
        assertThat(answer.result().get(0).get("update_id").asLong()).isEqualTo(5);
        assertThat(answer.retryAfter()).isNull();
    }

    @Test
    void aProxysHtmlErrorPageIsAFailureNotACrash() {
        BotApi.Answer answer = BotApi.answer(502, "<html><body>Bad Gateway</body></html>");

        assertThat(answer.ok()).isFalse();
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.description()).isEqualTo("not a Bot API answer (HTTP 502)");
    }
}
