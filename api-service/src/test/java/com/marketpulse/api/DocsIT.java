package com.marketpulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

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

    /**
     * A client generated from /docs must be able to send an archive request without overrides and read a report
     * without labels: the nullable references are "the schema or null" (not "only null", as {@code type: null}
     * beside a {@code $ref} says), every field of Overrides is optional and nullable, and only what the API refuses
     * to go without is required.
     */
    @Test
    void theBacktestSchemasShowOverridesAndNullableReferencesAsOptional() {
        JsonNode schemas = http.get("/docs/openapi").json().get("components").get("schemas");

        assertNullableReference(schemas.get("BacktestArchiveRequest").get("properties").get("overrides"), "Overrides");
        assertNullableReference(schemas.get("BacktestReport").get("properties").get("overall"), "Score");
        assertNullableReference(schemas.get("Side").get("properties").get("overall"), "Score");
        assertThat(schemas.get("Backtest").get("properties").get("overrides").get("$ref").asString())
                .as("a run's overrides are always there (none: every field null)")
                .isEqualTo("#/components/schemas/Overrides");

        JsonNode overrides = schemas.get("Overrides");
        assertThat(overrides.has("required")).as("Overrides requires nothing").isFalse();
        assertThat(overrides.get("properties").propertyNames()).contains("moveSigmas", "cooldown", "minMove5m",
                "minNotional5m");
        overrides.get("properties").properties().forEach(field -> assertThat(field.getValue().get("type").values()
                .stream().map(JsonNode::asString).toList()).as(field.getKey()).contains("null").hasSize(2));
        assertThat(overrides.get("properties").get("cooldown").get("format").asString()).isEqualTo("duration");

        assertThat(required(schemas.get("BacktestArchiveRequest"))).containsExactly("archive");
        assertThat(required(schemas.get("Archive"))).containsExactlyInAnyOrder("symbols", "from", "to");
        assertThat(required(schemas.get("BacktestUpload"))).containsExactly("file");
    }

    private static void assertNullableReference(JsonNode property, String schema) {
        assertThat(property.has("type")).as("no type beside the reference: %s", property).isFalse();
        assertThat(property.has("$ref")).as("the reference inside anyOf: %s", property).isFalse();
        List<String> either = new ArrayList<>();
        property.get("anyOf").forEach(option -> either.add(option.has("$ref") ? option.get("$ref").asString()
                : "type " + option.get("type").asString()));
        assertThat(either).containsExactlyInAnyOrder("#/components/schemas/" + schema, "type null");
    }

    private static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(name -> names.add(name.asString()));
        return names;
    }
}
