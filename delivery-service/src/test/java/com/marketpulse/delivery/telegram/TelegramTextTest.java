package com.marketpulse.delivery.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
