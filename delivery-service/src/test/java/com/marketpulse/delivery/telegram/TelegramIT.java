package com.marketpulse.delivery.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.marketpulse.delivery.DeliveryProperties;
import com.marketpulse.delivery.support.DeliveryIntegrationTest;
import com.marketpulse.delivery.support.FakeBotApi.Sent;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;
import com.marketpulse.events.Topics;

/**
 * Telegram end to end against a fake Bot API, the real broker and the real database: a chat is linked by the
 * one-time code its owner sends with {@code /start}, and a holder's alert arrives in it as a sendMessage with the
 * holding's impact in money.
 */
class TelegramIT extends DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    TelegramPoller poller;
    @Autowired
    TelegramBot bot;
    @Autowired
    PollerState state;
    @Autowired
    Linker linker;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DeliveryProperties properties;
    @Autowired
    MeterRegistry meters;

    @Test
    void aChatLinkedByItsCodeGetsTheAlertOfAHeldCoinWithTheImpactInMoney() {
        String name = name();
        long user = user(name, "BCH/USD", 0.8);
        String code = code();
        long channel = telegram(user, name, code, Instant.now().plus(Duration.ofMinutes(15)));
        long chat = chat();
        double refused = conflicts();
        TELEGRAM.conflict(2); // another deployment polls the same bot: Telegram's 409 is waited out, not fatal
        await().atMost(WAIT).until(() -> conflicts() >= refused + 2);

        TELEGRAM.userSends(chat, "/start " + code);

        await().atMost(WAIT).until(() -> !TELEGRAM.sentTo(chat).isEmpty());
        assertThat(TELEGRAM.sentTo(chat).getFirst().text()).isEqualTo("Linked to MarketPulse as " + name
                + ". Alerts about the coins you hold will arrive in this chat.");
        assertThat(jdbc.sql("SELECT chat_id FROM delivery.telegram_chats WHERE channel_id = :c").param("c", channel)
                .query(Long.class).single()).isEqualTo(chat);

        Alert alert = spike("BCH/USD", 65_000);
        publish(Topics.MARKET_ALERTS, alert);

        await().atMost(WAIT).until(() -> TELEGRAM.sentTo(chat).size() == 2);
        Sent message = TELEGRAM.sentTo(chat).get(1);
        assertThat(message.parseMode()).isEqualTo("HTML");
        assertThat(message.text()).contains("<b>BCH/USD price spike</b> · severity 72 (HIGH)",
                "BCH/USD −5.0 % in 4 min (−$3,421), 6.2× its usual 4-minute move",
                "<b>your 0.8 BCH: −$2,737 in 4 min</b>");
        await().atMost(WAIT).until(() -> "SENT".equals(state(alert, channel)));
    }

    @Test
    void aWrongOrExpiredCodeIsRefusedPolitelyAndAnUnlinkedChannelIsNotSentTo() {
        String name = name();
        long user = user(name, "UNI/USD", 50.0);
        String expired = code();
        long channel = telegram(user, name, expired, Instant.now().minus(Duration.ofMinutes(1)));
        long chat = chat();

        TELEGRAM.userSends(chat, "/start not-a-code");
        TELEGRAM.userSends(chat, "/start " + expired);

        await().atMost(WAIT).until(() -> TELEGRAM.sentTo(chat).size() == 2);
        assertThat(TELEGRAM.sentTo(chat)).extracting(Sent::text).satisfiesExactly(
                wrong -> assertThat(wrong).startsWith("Sorry, that link code is not valid"),
                old -> assertThat(old).startsWith("Sorry, that link code has expired"));
        assertThat(jdbc.sql("SELECT count(*) FROM delivery.telegram_chats WHERE channel_id = :c")
                .param("c", channel).query(Integer.class).single()).isZero();

        // another holder of the coin, with a linked chat: told of the same alert
        String otherName = name();
        long other = user(otherName, "UNI/USD", 5.0);
        String otherCode = code();
        long otherChannel = telegram(other, otherName, otherCode, Instant.now().plus(Duration.ofMinutes(15)));
        long otherChat = chat();
        TELEGRAM.userSends(otherChat, "/start " + otherCode);
        await().atMost(WAIT).until(() -> TELEGRAM.sentTo(otherChat).size() == 1);

        Alert alert = spike("UNI/USD", 14);
        publish(Topics.MARKET_ALERTS, alert);

        await().atMost(WAIT).until(() -> "SENT".equals(state(alert, otherChannel)));
        assertThat(state(alert, channel)).as("an unlinked channel is told nothing (no failed delivery either)")
                .isNull();
        assertThat(TELEGRAM.sentTo(chat)).hasSize(2);
    }

    @Test
    void floodControlIsRetriedAndTheAlertArrivesOnce() {
        String name = name();
        long user = user(name, "DOGE/USD", 30.0);
        String code = code();
        long channel = telegram(user, name, code, Instant.now().plus(Duration.ofMinutes(15)));
        long chat = chat();
        TELEGRAM.userSends(chat, "/start " + code);
        await().atMost(WAIT).until(() -> TELEGRAM.sentTo(chat).size() == 1);
        TELEGRAM.rateLimit(chat, 1);

        Alert alert = spike("DOGE/USD", 30);
        publish(Topics.MARKET_ALERTS, alert);

        await().atMost(WAIT).until(() -> "SENT".equals(state(alert, channel)));
        assertThat(TELEGRAM.sentTo(chat)).extracting(Sent::status).as("the link reply, 429, then the alert")
                .containsExactly(200, 429, 200);
        assertThat(TELEGRAM.sentTo(chat).stream().filter(s -> s.status() == 200 && s.text().contains("DOGE/USD")))
                .hasSize(1);
        assertThat(jdbc.sql("""
                        SELECT string_agg(outcome || ':' || coalesce(http_status::text, '-'), ',' ORDER BY a.id)
                        FROM delivery.attempts a JOIN delivery.deliveries d ON d.id = a.delivery_id
                        WHERE d.alert_id = :alert AND d.channel_id = :c""")
                .param("alert", alert.alertId()).param("c", channel).query(String.class).single())
                .as("the delivery log").isEqualTo("RETRY:429,SENT:200");
    }

    @Test
    void theOffsetIsKeptAcrossARestartSoNoUpdateIsLostOrAnsweredTwice() throws Exception {
        String name = name();
        long user = user(name, "XLM/USD", 5.0);
        String first = code();
        String second = code();
        telegram(user, name, first, Instant.now().plus(Duration.ofMinutes(15)));
        telegram(user, name, second, Instant.now().plus(Duration.ofMinutes(15)));
        long chat = chat();
        long later = chat();
        poller.stop();
        try {
            TelegramPoller before = new TelegramPoller(bot, state, linker, transaction, properties.telegram(), meters);
            long update = TELEGRAM.userSends(chat, "/start " + first);
            // the stopped poller's last long poll may still be open on the Bot API, which answers 409 (as Telegram
            // does) until it ends: the next poller waits it out
            await().atMost(WAIT).until(() -> before.pollOnce() == TelegramPoller.Outcome.POLLED);
            assertThat(TELEGRAM.sentTo(chat)).hasSize(1);
            TelegramPoller other = new TelegramPoller(bot, state, linker, transaction, properties.telegram(), meters);
            assertThat(other.pollOnce()).as("one poller at a time").isEqualTo(TelegramPoller.Outcome.NOT_OURS);
            before.stop();
            // sent while no instance polls; the update above was handled but never confirmed to Telegram
            TELEGRAM.userSends(later, "/start " + second);

            TelegramPoller after = new TelegramPoller(bot, state, linker, transaction, properties.telegram(), meters);
            assertThat(after.pollOnce()).isEqualTo(TelegramPoller.Outcome.POLLED);
            after.stop();

            assertThat(TELEGRAM.offsets().getLast()).as("resumed past the handled update").isEqualTo(update + 1);
            assertThat(TELEGRAM.sentTo(chat)).as("not answered twice").hasSize(1);
            assertThat(TELEGRAM.sentTo(later)).as("not lost").singleElement()
                    .satisfies(s -> assertThat(s.text()).startsWith("Linked to MarketPulse as " + name));
        } finally {
            poller.start();
        }
    }

    private double conflicts() {
        return meters.counter("marketpulse.delivery.telegram.polls", "outcome", "conflict").count();
    }

    private String state(Alert alert, long channel) {
        return jdbc.sql("SELECT state FROM delivery.deliveries WHERE alert_id = :a AND channel_id = :c")
                .param("a", alert.alertId()).param("c", channel).query(String.class).optional().orElse(null);
    }

    private static Alert spike(String symbol, double price) {
        Instant at = Instant.now();
        return new Alert(symbol + "|PRICE_SPIKE|" + at + "|" + UUID.randomUUID(), symbol, AlertType.PRICE_SPIKE,
                Direction.DOWN, 72, SeverityLevel.of(72), at, at, price, 0.8, "m1",
                symbol + " −5.0 % in 4 min (−$3,421), 6.2× its usual 4-minute move", Instant.now(), null);
    }

    private static String name() {
        return "tg-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String code() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static long chat() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    }
}
