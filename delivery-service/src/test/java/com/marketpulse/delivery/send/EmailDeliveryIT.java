package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.marketpulse.alerting.rules.Rule;
import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.delivery.support.DeliveryIntegrationTest;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;
import com.marketpulse.events.Topics;

/**
 * Email channels against the real broker and database and an embedded SMTP server: the confirmation mail, alerts to
 * a confirmed address only, and a transient SMTP failure retried.
 */
class EmailDeliveryIT extends DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CONFIRM_SUBJECT = "Confirm your email for MarketPulse alerts";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL)
            + "/api/me/channels/confirm\\?token=([A-Za-z0-9_-]+)");

    private static String token() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String name() {
        return "mail-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Alert spike(String symbol, double price) {
        Instant at = Instant.parse("2026-03-01T14:05:00Z");
        return new Alert(symbol + "|PRICE_SPIKE|" + UUID.randomUUID(), symbol, AlertType.PRICE_SPIKE, Direction.DOWN,
                72, SeverityLevel.of(72), at, at, price, 0.8, "m1",
                symbol + " −5.0 % in 4 min (−$3,421), 6.2× its usual 4-minute move", Instant.now(), null);
    }

    /** A confirmed address of a new user holding {@code quantity} of {@code symbol}. */
    private long confirmedEmail(String address, String symbol, double quantity) throws IOException {
        long user = user(name(), symbol, quantity);
        long channel = unconfirmedEmail(user, address, token());
        confirm(channel);
        return channel;
    }

    private List<MimeMessage> alertsTo(String address) {
        return SMTP.to(address).stream().filter(m -> !subject(m).equals(CONFIRM_SUBJECT)).toList();
    }

    @Test
    void theConfirmationMailIsSentOnceWithTheLinkThatConfirmsTheAddress() throws Exception {
        long user = user(name(), "LTC/USD", 3.0);
        String token = token();
        String address = "confirm-" + user + "@example.com";

        long channel = unconfirmedEmail(user, address, token);

        await().atMost(WAIT).until(() -> !SMTP.to(address).isEmpty());
        MimeMessage mail = SMTP.to(address).getFirst();
        assertThat(subject(mail)).isEqualTo(CONFIRM_SUBJECT);
        Matcher link = LINK.matcher(text(mail, "text/plain"));
        assertThat(link.find()).as(text(mail, "text/plain")).isTrue();
        assertThat(link.group(1)).as("the token the API sealed, whose hash the API keeps").isEqualTo(token);
        assertThat(text(mail, "text/html")).contains("href=\"" + PUBLIC_URL + "/api/me/channels/confirm?token=" + token);
        assertThat(mail.getMessageID()).startsWith("<confirm-" + channel + "-").endsWith("@marketpulse.example>");
        await().atMost(WAIT).until(() -> "SENT".equals(confirmationState(channel)));
        // polls go on (every 100 ms here): the link is not mailed again
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> SMTP.to(address).size() == 1);
    }

    @Test
    void anAlertReachesTheConfirmedAddressWithTheImpactAndNeverTheUnconfirmedOne() throws Exception {
        long user = user(name(), "BTC/USD", 0.8);
        String confirmedAddress = "holder-" + user + "@example.com";
        String unconfirmedAddress = "pending-" + user + "@example.com";
        long confirmed = unconfirmedEmail(user, confirmedAddress, token());
        confirm(confirmed);
        long unconfirmed = unconfirmedEmail(user, unconfirmedAddress, token());
        // the holder's rules are kept in Berlin time: the mail's times are too
        rules(user, new RuleSet(ZoneId.of("Europe/Berlin"), Rule.DEFAULTS, Map.of()));
        Alert alert = spike("BTC/USD", 65_000);

        publish(Topics.MARKET_ALERTS, alert);

        await().atMost(WAIT).until(() -> !alertsTo(confirmedAddress).isEmpty());
        MimeMessage mail = alertsTo(confirmedAddress).getFirst();
        assertThat(subject(mail)).isEqualTo(
                "MarketPulse: BTC/USD price spike −5.0 % in 4 min (your 0.8 BTC: −$2,737 in 4 min)");
        String text = text(mail, "text/plain");
        assertThat(text).contains("Coin: BTC/USD", "Alert: price spike, down", "Move: −5.0 % in 4 min",
                "Severity: HIGH (72/100)", "Time: 2026-03-01 15:05:00 CET",
                "Your holding: your 0.8 BTC: −$2,737 in 4 min", alert.alertId());
        assertThat(text(mail, "text/html")).contains("<td>your 0.8 BTC: −$2,737 in 4 min</td>",
                "<td>HIGH (72/100)</td>");
        String deliveryId = jdbc.sql("SELECT id::text FROM delivery.deliveries WHERE channel_id = :c AND alert_id = :a")
                .param("c", confirmed).param("a", alert.alertId()).query(String.class).single();
        assertThat(mail.getMessageID()).isEqualTo("<delivery-" + deliveryId + "@marketpulse.example>");
        assertThat(jdbc.sql("SELECT count(*) FROM delivery.deliveries WHERE channel_id = :c")
                .param("c", unconfirmed).query(Integer.class).single()).as("nothing queued for it").isZero();
        assertThat(alertsTo(unconfirmedAddress)).isEmpty();
    }

    @Test
    void aTransientSmtpFailureIsRetriedThenDeliveredOnce() throws Exception {
        String address = "retry-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long channel = confirmedEmail(address, "AVAX/USD", 20.0);
        Alert alert = spike("AVAX/USD", 30);
        String newcomer = "newcomer-" + channel + "@example.com";
        long pending;
        SMTP.stop();
        try {
            publish(Topics.MARKET_ALERTS, alert);
            pending = unconfirmedEmail(user(name(), "AVAX/USD", 1.0), newcomer, token());
            await().atMost(WAIT).until(() -> log(alert).startsWith("RETRY"));
            await().atMost(WAIT).until(() -> confirmationError(pending).startsWith("SMTP connection failed"));
        } finally {
            SMTP.start();
        }
        await().atMost(WAIT).until(() -> "SENT".equals(confirmationState(pending)));
        assertThat(SMTP.to(newcomer)).as("the confirmation mail, retried, arrives once").hasSize(1);

        await().atMost(WAIT).until(() -> "SENT".equals(jdbc.sql(
                "SELECT state FROM delivery.deliveries WHERE alert_id = :a").param("a", alert.alertId())
                .query(String.class).single()));
        assertThat(alertsTo(address)).hasSize(1);
        assertThat(log(alert)).matches("(RETRY:SMTP connection failed: \\w+,)+SENT:-");
        assertThat(jdbc.sql("SELECT consecutive_failures FROM delivery.channel_health WHERE channel_id = :c")
                .param("c", channel).query(Integer.class).optional()).as("healthy again").hasValue(0);
    }

    private String log(Alert alert) {
        return jdbc.sql("""
                        SELECT coalesce(string_agg(outcome || ':' || coalesce(detail, '-'), ',' ORDER BY a.id), '')
                        FROM delivery.attempts a JOIN delivery.deliveries d ON d.id = a.delivery_id
                        WHERE d.alert_id = :alert""").param("alert", alert.alertId()).query(String.class).single();
    }

    private String confirmationError(long channel) {
        return jdbc.sql("SELECT coalesce(last_error, '') FROM delivery.email_confirmations WHERE channel_id = :c")
                .param("c", channel).query(String.class).optional().orElse("");
    }

    private String confirmationState(long channel) {
        return jdbc.sql("SELECT state FROM delivery.email_confirmations WHERE channel_id = :c")
                .param("c", channel).query(String.class).optional().orElse(null);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first part of {@code type} in the mail. */
    private static String text(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = text(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
