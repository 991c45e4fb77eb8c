package com.marketpulse.delivery.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.marketpulse.delivery.digest.DigestBodies;
import com.marketpulse.delivery.digest.DigestBodies.Held;
import com.marketpulse.events.Direction;

/** A delivery as the Telegram message a holder reads. */
class TelegramTextTest {

    @Test
    void showsTheMoveAndTheHoldingsImpactInMoney() {
        String text = TelegramText.of("""
                {"deliveryId":"d1","alert":{"symbol":"BTC/USD","type":"PRICE_SPIKE","direction":"DOWN","severity":72,
                 "level":"HIGH","eventTime":"2026-05-04T12:03:00Z",
                 "explanation":"BTC/USD −5.0 % in 4 min (−$3,421), 6.2× its usual 4-minute move"},
                 "impact":{"text":"your 0.8 BTC: −$2,737 in 4 min"},"heldUntil":null}""");

        assertThat(text).isEqualTo("""
                🔻 <b>BTC/USD price spike</b> · severity 72 (HIGH)
                BTC/USD −5.0 % in 4 min (−$3,421), 6.2× its usual 4-minute move
                <b>your 0.8 BTC: −$2,737 in 4 min</b>
                <i>4 May 12:03 UTC</i>""");
    }

    @Test
    void timesAreInTheOwnersZoneNamedAndInUtcWhenTheZoneIsUnknown() {
        String alert = """
                {"alert":{"symbol":"BTC/USD","type":"PRICE_SPIKE","direction":"DOWN","severity":72,
                 "eventTime":"2026-05-04T12:03:00Z"},"impact":null,"heldUntil":null,"timeZone":"%s"}""";

        assertThat(TelegramText.of(alert.formatted("Europe/Berlin"))).endsWith("<i>4 May 14:03 CEST</i>");
        assertThat(TelegramText.of(alert.formatted("America/New_York"))).endsWith("<i>4 May 08:03 EDT</i>");
        assertThat(TelegramText.of(alert.formatted("Z"))).endsWith("<i>4 May 12:03 UTC</i>");
        assertThat(TelegramText.of(alert.formatted("Mars/Olympus_Mons"))).endsWith("<i>4 May 12:03 UTC</i>");
    }

    @Test
    void aDigestsTimesAreInItsOwnersZone() {
        String body = DigestBodies.body("d-9", Instant.parse("2026-05-05T06:00:00Z"), List.of(
                new Held(DigestBodies.spike("BTC/USD", Direction.DOWN, 72, Instant.parse("2026-05-04T23:10:00Z")),
                        null)), "Asia/Kolkata");

        assertThat(TelegramText.of(body)).contains("<i>until 5 May 11:30 IST, newest first</i>")
                .contains("· 5 May 04:40 IST");
    }

    @Test
    void escapesWhatWouldBeMarkupAndSaysWhenQuietHoursHeldIt() {
        String text = TelegramText.of("""
                {"alert":{"symbol":"A&B/USD","type":"VOLUME_ANOMALY","direction":"UP","severity":50,
                 "eventTime":"2026-05-04T23:10:00Z","explanation":"<script> traded 12× usual"},
                 "impact":null,"heldUntil":"2026-05-05T07:00:00Z"}""");

        assertThat(text).startsWith("🔺 <b>A&amp;B/USD volume anomaly</b> · severity 50")
                .contains("&lt;script&gt; traded 12× usual")
                .endsWith("<i>4 May 23:10 UTC, held for your quiet hours</i>")
                .doesNotContain("<b>your");
    }

    @Test
    void aDigestIsOneMessageWithTheCountFirstAndEachAlertNewestFirst() {
        String body = DigestBodies.body("d-9", Instant.parse("2026-05-05T07:00:00Z"), List.of(
                new Held(DigestBodies.spike("BTC/USD", Direction.DOWN, 72, Instant.parse("2026-05-04T23:10:00Z")),
                        "your 0.8 BTC: −$2,737 in 4 min"),
                new Held(DigestBodies.spike("A&B/USD", Direction.UP, 50, Instant.parse("2026-05-05T03:45:00Z")),
                        null)));

        assertThat(TelegramText.of(body)).isEqualTo("""
                🌙 <b>2 alerts held during your quiet hours</b>
                <i>until 5 May 07:00 UTC, newest first</i>

                🔺 <b>A&amp;B/USD price spike</b> up +5.0 % in 4 min · severity 50 (MEDIUM) · 5 May 03:45 UTC

                🔻 <b>BTC/USD price spike</b> down −5.0 % in 4 min · severity 72 (HIGH) · 4 May 23:10 UTC
                <b>your 0.8 BTC: −$2,737 in 4 min</b>""");
    }

    @Test
    void aDigestTooLongForTelegramEndsWithHowManyMoreThereAre() {
        Instant night = Instant.parse("2026-05-04T22:00:00Z");
        List<Held> held = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            held.add(new Held(DigestBodies.spike("COIN" + i + "/USD", Direction.DOWN, 60,
                    night.plus(Duration.ofMinutes(i))), "your 1,000 COIN" + i + ": −$1,234 in 4 min"));
        }

        String text = TelegramText.of(DigestBodies.body("d-10", night.plus(Duration.ofHours(9)), held));

        assertThat(text.length()).isLessThanOrEqualTo(TelegramText.MAX_MESSAGE);
        assertThat(text).startsWith("🌙 <b>120 alerts held during your quiet hours</b>");
        Matcher more = Pattern.compile("\\n\\n… and (\\d+) more$").matcher(text);
        assertThat(more.find()).as(text.substring(text.length() - 100)).isTrue();
        int shown = text.split("🔻", -1).length - 1;
        assertThat(shown).as("as many as fit").isGreaterThan(20);
        assertThat(shown + Integer.parseInt(more.group(1))).as("every alert shown or counted").isEqualTo(120);
        assertThat(text).as("the newest first").contains("COIN119/USD").doesNotContain("COIN0/USD");
        assertThat(text.length()).as("filled, not cut early").isGreaterThan(TelegramText.MAX_MESSAGE - 300);
    }
}
