package com.marketpulse.api.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import com.marketpulse.api.web.TimeParameter;

/**
 * A position in the newest-first order of alerts: the (event time, id) of the last alert of a page. Opaque to
 * clients (URL-safe Base64).
 */
record AlertCursor(Instant eventTime, String alertId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((eventTime + "|" + alertId).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this API made */
    static AlertCursor decode(String text) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor", e);
        }
        int bar = plain.indexOf('|');
        if (bar <= 0 || bar == plain.length() - 1) {
            throw new IllegalArgumentException("not a cursor");
        }
        Instant eventTime;
        try {
            eventTime = Instant.parse(plain.substring(0, bar));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a cursor", e);
        }
        // a forged cursor must not carry a time the database cannot compare (this API only makes in-range ones)
        if (!TimeParameter.inRange(eventTime)) {
            throw new IllegalArgumentException("not a cursor");
        }
        return new AlertCursor(eventTime, plain.substring(bar + 1));
    }
}
