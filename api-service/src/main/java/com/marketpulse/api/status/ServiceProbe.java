package com.marketpulse.api.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.StatusReport;
import com.marketpulse.events.json.EventJson;

/**
 * Asks a pipeline service's {@code /actuator/health} whether it is up; for ingestion it also names the venue the
 * market data comes from (the {@code source} component's {@code venue} detail: {@code us}, {@code us-1}, ...).
 */
@Component
class ServiceProbe {

    private static final JsonMapper JSON = EventJson.mapper();

    private final HttpClient http;
    private final Duration timeout;

    ServiceProbe(MarketPulseProperties properties) {
        this.timeout = properties.api().status().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    StatusReport.Stage probe(String name, String baseUrl) {
        String url = baseUrl.replaceAll("/+$", "") + "/actuator/health";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            boolean up = response.statusCode() == 200;
            String venue = venue(response.body());
            return new StatusReport.Stage(name, up ? "UP" : "DOWN", url + " answered " + response.statusCode()
                    + (venue == null ? "" : "; venue " + venue));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StatusReport.Stage(name, "UNKNOWN", "interrupted");
        } catch (Exception e) {
            return new StatusReport.Stage(name, "DOWN", url + " is not reachable");
        }
    }

    /** The {@code components.source.details.venue} of a health body, or null when it has none (or is not JSON). */
    static String venue(String healthBody) {
        if (healthBody == null || healthBody.isBlank()) {
            return null;
        }
        try {
            JsonNode venue = JSON.readTree(healthBody).path("components").path("source").path("details").path("venue");
            return venue.isString() && !venue.asString().isBlank() ? venue.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
