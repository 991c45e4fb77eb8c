package com.marketpulse.dashboard.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.DeliveryLogEntry;
import com.marketpulse.api.contract.DeliveryLogEntry.CarriedAlert;
import com.marketpulse.api.contract.DeliveryLogEntry.Digest;
import com.vaadin.flow.component.html.Div;

/** What the delivery log shows of a quiet-hours digest: one message, and the alerts it carried. */
class DeliveryLogGridTest {

    private static final Instant END = Instant.parse("2026-11-23T06:00:00Z");

    private static DeliveryLogEntry entry(Digest digest) {
        return new DeliveryLogEntry("d-1", 4, "night hook", "WEBHOOK", "digest-d-1", null, null, 72,
                "2 alerts held during your quiet hours", null, false, "SENT", END, END, null, List.of(), digest);
    }

    @Test
    void aDigestSaysWhenItWentOutAndListsTheAlertsItCarried() {
        var grid = new DeliveryLogGrid();
        grid.setZone(ZoneId.of("Europe/Berlin"));

        Div cell = grid.alert(entry(new Digest(END, List.of(
                new CarriedAlert("eth-1", "ETH/USD", "VOLUME_ANOMALY", "UP", 55, END.minusSeconds(600), null),
                new CarriedAlert("btc-1", "BTC/USD", "PRICE_SPIKE", "DOWN", 72, END.minusSeconds(3600),
                        "your 0.8 BTC: −$2,737 in 4 min")))));

        assertThat(cell.getElement().getTextRecursively()).isEqualTo("Digest of 07:00"
                + "2 held alerts in one message:\nETH/USD volume anomaly up\n"
                + "BTC/USD price spike down — your 0.8 BTC: −$2,737 in 4 min");
    }
}
