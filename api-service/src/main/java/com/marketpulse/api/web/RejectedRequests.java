package com.marketpulse.api.web;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * Counts every refused request by reason ({@code marketpulse.api.rejected.requests{reason=...}}), so an operator
 * sees a flood of bad input or of refused streams without reading the logs: refusals are logged at most at DEBUG.
 */
@Component
public class RejectedRequests {

    public static final String METER = "marketpulse.api.rejected.requests";

    private final MeterRegistry meters;

    RejectedRequests(ObjectProvider<MeterRegistry> meters) {
        // a web slice test has no registry: count into a private one
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    public void count(String reason) {
        meters.counter(METER, "reason", reason).increment();
    }

    /** The reason of a refusal that names none: its status as a word, {@code 404} → {@code not-found}. */
    public static String reasonOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String phrase = known == null ? "status-" + status.value() : known.getReasonPhrase();
        return phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
