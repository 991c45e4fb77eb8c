package com.marketpulse.api.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.StatusReport;

/** Asks a pipeline service's {@code /actuator/health} whether it is up. */
@Component
class ServiceProbe {

    private final HttpClient http;
    private final Duration timeout;

    ServiceProbe(MarketPulseProperties properties) {
        this.timeout = properties.api().status().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    StatusReport.Stage probe(String name, String baseUrl) {
        String url = baseUrl.replaceAll("/+$", "") + "/actuator/health";
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.discarding());
            boolean up = response.statusCode() == 200;
            return new StatusReport.Stage(name, up ? "UP" : "DOWN", url + " answered " + response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StatusReport.Stage(name, "UNKNOWN", "interrupted");
        } catch (Exception e) {
            return new StatusReport.Stage(name, "DOWN", url + " is not reachable");
        }
    }
}
