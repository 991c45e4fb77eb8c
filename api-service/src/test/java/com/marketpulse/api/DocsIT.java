package com.marketpulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DocsIT extends ApiIntegrationTest {

    @Test
    void docsOpenInABrowserAndDescribeEveryEndpoint() {
        Http.Response docs = http.get("/docs");
        String page = docs.status() == 302 ? docs.header("Location") : "/docs";
        Http.Response ui = http.get(page.replaceFirst("^https?://[^/]+", ""));
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(ui.body()).containsIgnoringCase("swagger");

        Http.Response spec = http.get("/docs/openapi");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.json().get("paths").propertyNames())
                .contains("/api/alerts", "/api/alerts/{id}", "/api/status", "/api/auth/login", "/api/me",
                        "/api/me/portfolio", "/api/me/alerts", "/api/symbols", "/api/symbols/{symbol}/bars",
                        "/api/alerts/stream", "/api/auth/register", "/api/auth/logout", "/api/me/password",
                        "/api/backtests", "/api/backtests/{id}", "/api/backtests/{id}/events", "/api/backtests/{id}/alerts",
                        "/api/backtests/{id}/report", "/api/backtests/{id}/cancel", "/api/backtests/compare",
                        "/api/me/alert-rules", "/api/me/snoozes", "/api/me/channels", "/api/me/channels/{id}");
        var backtests = spec.json().get("paths").get("/api/backtests").get("post").get("requestBody").get("content");
        assertThat(backtests.propertyNames()).contains("multipart/form-data", "application/json");
        List<String> parameters = new ArrayList<>();
        spec.json().get("paths").get("/api/alerts").get("get").get("parameters")
                .forEach(p -> parameters.add(p.get("name").asString()));
        assertThat(parameters).contains("symbol", "type", "minSeverity", "from", "to", "cursor", "limit");
        assertThat(spec.json().get("components").get("securitySchemes").has("bearer")).isTrue();
    }
}
