package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.delivery.digest.DigestBodies;
import com.marketpulse.delivery.digest.DigestBodies.Held;
import com.marketpulse.events.Alert;
import com.marketpulse.events.Direction;
import com.marketpulse.events.json.EventJson;

/** A quiet-hours digest as the one mail its owner reads in the morning. */
class DigestMailTest {

    @Test
    void theSubjectCountsTheAlertsAndTheBodiesListEachNewestFirst() {
        Alert btc = DigestBodies.spike("BTC/USD", Direction.DOWN, 72, Instant.parse("2026-05-04T23:10:00Z"));
        Alert eth = DigestBodies.spike("ETH/USD", Direction.UP, 55, Instant.parse("2026-05-05T03:45:00Z"));
        Alert odd = DigestBodies.spike("<b>X/USD", Direction.DOWN, 40, Instant.parse("2026-05-05T01:00:00Z"));

        AlertMail mail = AlertMail.of(DigestBodies.body("d-7", Instant.parse("2026-05-05T07:00:00Z"), List.of(
                new Held(btc, "your 0.8 BTC: −$2,737 in 4 min"), new Held(eth, null), new Held(odd, null))));

        assertThat(mail.subject()).isEqualTo(
                "MarketPulse: 3 alerts held during your quiet hours (ETH/USD, <b>X/USD, BTC/USD)");
        assertThat(mail.text()).startsWith("3 alerts held during your quiet hours, which ended 2026-05-05 07:00:00 UTC."
                + " Newest first:\n\nETH/USD price spike +5.0 % in 4 min\n  Alert: price spike, up\n");
        assertThat(mail.text().indexOf("ETH/USD price spike")).isLessThan(mail.text().indexOf("<b>X/USD price"));
        assertThat(mail.text().indexOf("<b>X/USD price")).isLessThan(mail.text().indexOf("BTC/USD price spike"));
        assertThat(mail.text()).contains("  Severity: HIGH (72/100)\n  Time: 2026-05-04 23:10:00 UTC\n",
                "  Your holding: your 0.8 BTC: −$2,737 in 4 min\n", btc.explanation(), "Digest delivery d-7");
        assertThat(mail.html()).contains("<h2>3 alerts held during your quiet hours</h2>",
                "<td>BTC/USD</td><td>price spike, down</td><td>−5.0 % in 4 min</td><td>HIGH (72/100)</td>"
                        + "<td>your 0.8 BTC: −$2,737 in 4 min</td>", "&lt;b&gt;X/USD")
                .doesNotContain("<b>X/USD");
    }

    @Test
    void timesAreInTheOwnersZoneInTheDigestAndInASingleAlertsMail() {
        Alert btc = DigestBodies.spike("BTC/USD", Direction.DOWN, 72, Instant.parse("2026-12-04T23:10:00Z"));

        AlertMail digest = AlertMail.of(DigestBodies.body("d-8", Instant.parse("2026-12-05T06:00:00Z"), List.of(
                new Held(btc, null), new Held(DigestBodies.spike("ETH/USD", Direction.UP, 55, btc.eventTime()), null)),
                "Europe/Berlin"));
        AlertMail single = AlertMail.of("""
                {"deliveryId":"d-9","alert":%s,"impact":null,"heldUntil":"2026-12-05T06:00:00Z",
                 "timeZone":"Europe/Berlin"}""".formatted(EventJson.mapper().writeValueAsString(btc)));

        assertThat(digest.text()).startsWith("2 alerts held during your quiet hours, which ended 2026-12-05 07:00:00 CET.")
                .contains("  Time: 2026-12-05 00:10:00 CET\n");
        assertThat(single.text()).contains("Time: 2026-12-05 00:10:00 CET\n",
                "Held for your quiet hours until 2026-12-05 07:00:00 CET.");
    }

    @Test
    void theSubjectNamesAFewCoinsAndSumsUpTheRest() {
        Instant at = Instant.parse("2026-05-05T01:00:00Z");
        List<Held> held = List.of("A", "B", "C", "D", "E", "F").stream()
                .map(c -> new Held(DigestBodies.spike(c + "/USD", Direction.UP, 50, at), null)).toList();

        AlertMail mail = AlertMail.of(DigestBodies.body("d-8", at.plusSeconds(3600), held));

        assertThat(mail.subject()).startsWith("MarketPulse: 6 alerts held during your quiet hours (").endsWith(", …)");
        assertThat(mail.subject().split(",")).hasSize(DigestMail.SUBJECT_COINS + 1);
    }
}
