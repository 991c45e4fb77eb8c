package com.marketpulse.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AlertCursorTest {

    @Property
    void decodesWhatItEncodes(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds,
                              @ForAll @LongRange(min = 0, max = 999_999_999) long nanos,
                              @ForAll @StringLength(min = 1, max = 60) String alertId) {
        AlertCursor cursor = new AlertCursor(Instant.ofEpochSecond(seconds, nanos), alertId);
        String text = cursor.encode();
        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(AlertCursor.decode(text)).isEqualTo(cursor);
    }

    @Test
    void refusesTextItDidNotMake() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlertCursor.decode("not a cursor!"));
        assertThatIllegalArgumentException().isThrownBy(() -> AlertCursor.decode("aGVsbG8"));
        assertThatIllegalArgumentException().isThrownBy(() -> AlertCursor.decode(
                java.util.Base64.getUrlEncoder().encodeToString("yesterday|id".getBytes())));
    }
}
