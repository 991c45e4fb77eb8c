package com.marketpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.marketpulse.api.contract.AlertRule;
import com.marketpulse.api.contract.AlertRules;
import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.BacktestArchiveRequest;
import com.marketpulse.api.contract.Portfolio;
import com.marketpulse.dashboard.api.BacktestClient;
import com.marketpulse.dashboard.api.NotificationClient;
import com.marketpulse.dashboard.api.PushClient;
import com.marketpulse.dashboard.backtest.DetectorSettings;
import com.marketpulse.dashboard.api.AlertQuery;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.ApiProperties;
import com.marketpulse.dashboard.api.SignInClient;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds what {@link FakeApi} answers (and what {@link ApiClient} sends it) against the OpenAPI document api-service
 * publishes, as api-contract ships it ({@code OpenApiContractIT} in api-service keeps that copy current). The
 * document's schemas are read as closed: every property required (null only where the API allows it) and no
 * others, so that a record renamed, added or retyped on either side fails here.
 */
class FakeApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final ObjectNode document = closed(openApiDocument());
    private final FakeApi fake = new FakeApi();
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        fake.start();
        var properties = new ApiProperties(URI.create(fake.url()), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1), "");
        api = new ApiClient(RestClient.builder(), properties, JSON);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void everyPayloadOfTheTestDoubleMatchesTheApisOpenApiDocument() throws IOException {
        String runId = useEveryCallOfTheDashboard();

        List<String> mismatches = new ArrayList<>();
        for (FakeApi.Exchange exchange : fake.exchanges()) {
            mismatches.addAll(check(exchange));
        }

        assertThat(fake.exchanges()).extracting(e -> e.method() + " " + e.path()).contains("POST /api/auth/login",
                "POST /api/auth/register", "GET /api/me", "GET /api/me/portfolio", "PUT /api/me/portfolio",
                "GET /api/symbols", "GET /api/me/alerts", "GET /api/alerts", "GET /api/symbols/BTC-USD/bars",
                "GET /api/status", "GET /api/push/vapid-public-key", "POST /api/me/channels/webpush",
                "POST /api/auth/logout", "GET /api/alerts/stream", "GET /api/me/channels", "GET /api/me/deliveries",
                "GET /api/me/alert-rules", "PUT /api/me/alert-rules", "GET /api/me/snoozes", "POST /api/me/snoozes",
                "POST /api/backtests",
                "GET /api/backtests", "GET /api/backtests/compare", "POST /api/backtests/" + runId + "/cancel",
                "GET /api/backtests/" + runId, "GET /api/backtests/" + runId + "/report",
                "GET /api/backtests/" + runId + "/alerts", "DELETE /api/backtests/" + runId);
        assertThat(mismatches).as("payloads that do not match the API's OpenAPI document").isEmpty();
    }

    @Test
    void aPayloadOfAnotherShapeIsCaught() {
        JsonNode renamed = JSON.readTree("""
                {"symbols":["BTC/USD"],"amounts":{"BTC/USD":0.5}}""");

        assertThat(schemaOf("#/components/schemas/Portfolio").validate(renamed)).isNotEmpty();
    }

    private String useEveryCallOfTheDashboard() throws IOException {
        api.register("erin", "erin-password", "127.0.0.1");
        String token = api.login("erin", "erin-password", new SignInClient("127.0.0.1", null)).token().token();
        api.me(token);
        api.savePortfolio(token, new Portfolio(List.of("BTC/USD", "ETH/USD"), Map.of("BTC/USD", 0.5)));
        api.portfolio(token);
        api.symbols(token);
        fake.publish(Alerts.alert("contract-1", "BTC/USD", Instant.parse("2026-11-24T12:00:00Z"), "price 6σ up"));
        var query = new AlertQuery(20, "c-1", "PRICE_SPIKE", "BTC/USD", Instant.parse("2026-11-24T00:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z"));
        api.myAlerts(token, query);
        api.allAlerts(token, AlertQuery.latest(10));
        api.bars(token, "BTC/USD", Instant.now().minusSeconds(3600), Instant.now(), "1m");
        api.status(token);
        var push = new PushClient(api);
        push.serverKey();
        push.subscribe(token, """
                {"endpoint":"https://push.example.net/wpush/v2/abc","expirationTime":null,
                 "keys":{"p256dh":"BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
                 "auth":"BTBZMqHH6r4Tts7J_aSIgg"}}""");
        useEveryNotificationCall(token);
        String runId = useEveryBacktestCall(token);
        api.logout(token);
        try {
            api.me(token);
        } catch (ApiException expected) {
            // a refusal is problem+json, which the document leaves undescribed
        }
        return runId;
    }

    /** The Notifications page's and the alert rows' calls: rules with an override, snoozes from an alert. */
    private void useEveryNotificationCall(String token) {
        var notifications = new NotificationClient(api);
        notifications.channels(token);
        notifications.deliveries(token, 0, 50);
        notifications.rules(token);
        notifications.saveRules(token, new AlertRules("Europe/Berlin",
                new AlertRule(null, 40, null, null, "22:00", "07:00", null, null, null),
                Map.of("BTC/USD", new AlertRule(List.of("PRICE_SPIKE"), null, 5.0, null, null, null, 60, null, false))));
        notifications.snoozeFromAlert(token, "contract-1", 60);
        notifications.snoozes(token);
        notifications.endSnooze(token, "BTC/USD");
    }

    /** The Backtest page's calls: upload with settings, list, one run, report, alerts (JSON and CSV), compare... */
    private String useEveryBacktestCall(String token) throws IOException {
        var backtests = new BacktestClient(api);
        var settings = new DetectorSettings(4.0, 3.0, 2.5, 10, 1.0, 5.0, 8.0, 250_000.0, 2.0).formFields();
        var fields = new java.util.HashMap<>(settings);
        fields.put("symbol", "DOT/USD");
        fields.put("name", "DOT, moves >= 5 %");
        Backtest run;
        try (InputStream file = BacktestFiles.dotSlice()) {
            run = backtests.upload(token, "DOTUSDT-1m-2024-11-slice.csv.gz", file, fields);
        }
        Backtest other;
        try (InputStream file = BacktestFiles.dotSlice()) {
            other = backtests.upload(token, "DOTUSDT-1m-2024-11-slice.csv.gz", file, Map.of("symbol", "DOT/USD"));
        }
        backtests.list(token);
        backtests.get(token, run.id());
        backtests.report(token, run.id());
        backtests.alerts(token, run.id());
        try (InputStream csv = backtests.csv(token, run.id(), BacktestClient.Csv.ALERTS)) {
            assertThat(new String(csv.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("id,");
        }
        backtests.compare(token, run.id(), other.id());
        backtests.cancel(token, run.id());
        backtests.delete(token, run.id());
        try {
            backtests.startArchive(token, new BacktestArchiveRequest(new BacktestArchiveRequest.Archive(
                    List.of("BTC/USD"), Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z")),
                    new DetectorSettings(null, null, null, null, null, 5.0, null, null, null).overrides(), "BTC"));
        } catch (ApiException expected) {
            // the double has no archive: 422 as the API answers for a range without data
        }
        return run.id();
    }

    private List<String> check(FakeApi.Exchange exchange) {
        String call = exchange.method() + " " + exchange.path();
        Optional<JsonNode> operation = operation(exchange.method(), exchange.path());
        if (operation.isEmpty()) {
            return List.of(call + ": no such operation in the API");
        }
        List<String> mismatches = new ArrayList<>();
        Set<String> declared = new java.util.HashSet<>();
        operation.get().path("parameters").forEach(p -> declared.add(p.path("name").asString()));
        exchange.query().stream().filter(name -> !declared.contains(name))
                .forEach(name -> mismatches.add(call + ": the API has no query parameter '" + name + "'"));
        if (!exchange.requestBody().isEmpty()) {
            JsonNode schema = operation.get().path("requestBody").path("content").path("application/json").path("schema");
            mismatches.addAll(validate(call + " request", schema, exchange.requestBody()));
        }
        if (exchange.status() / 100 == 2 && !exchange.responseBody().isEmpty()) {
            mismatches.addAll(validate(call + " " + exchange.status(), responseSchema(exchange, operation.get()),
                    exchange.responseBody()));
        }
        return mismatches;
    }

    /** The live stream is documented as an SseEmitter; its events' data are the contract's AlertDto. */
    private @Nullable JsonNode responseSchema(FakeApi.Exchange exchange, JsonNode operation) {
        if (exchange.path().equals("/api/alerts/stream")) {
            return JSON.createObjectNode().put("$ref", "#/components/schemas/AlertDto");
        }
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.has(String.valueOf(exchange.status()))
                ? responses.get(String.valueOf(exchange.status()))
                // springdoc documents every success as 200 (register answers 201)
                : responses.path("200");
        for (JsonNode media : response.path("content")) {
            return media.path("schema");
        }
        return null;
    }

    private List<String> validate(String what, @Nullable JsonNode schema, String payload) {
        if (schema == null || schema.isMissingNode()) {
            return List.of(what + ": the API documents no body");
        }
        ObjectNode wrapped = schema.deepCopy() instanceof ObjectNode object ? object : JSON.createObjectNode();
        wrapped.set("components", document.get("components"));
        return SCHEMAS.getSchema(wrapped).validate(JSON.readTree(payload)).stream()
                .map(error -> what + ": " + error.getMessage() + " in " + payload)
                .toList();
    }

    private Schema schemaOf(String ref) {
        ObjectNode node = JSON.createObjectNode().put("$ref", ref);
        node.set("components", document.get("components"));
        return SCHEMAS.getSchema(node);
    }

    private Optional<JsonNode> operation(String method, String path) {
        // a literal path (/api/backtests/compare) before a template that matches it too (/api/backtests/{id})
        JsonNode literal = document.get("paths").get(path);
        if (literal != null && literal.has(method.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of(literal.get(method.toLowerCase(java.util.Locale.ROOT)));
        }
        for (var entry : document.get("paths").properties()) {
            String template = entry.getKey();
            Pattern pattern = Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+"));
            if (pattern.matcher(path).matches() && entry.getValue().has(method.toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of(entry.getValue().get(method.toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return Optional.empty();
    }

    private static JsonNode openApiDocument() {
        try (InputStream in = FakeApiContractTest.class.getClassLoader()
                .getResourceAsStream("com/marketpulse/api/contract/openapi.json")) {
            assertThat(in).as("api-contract ships the API's OpenAPI document").isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every component schema with properties: all of them required (the API sends nulls, never leaves a field out),
     * no others allowed. Nullable references ({@code anyOf} the schema or null) and the nullable fields of
     * {@code Overrides} are stated by the document itself (api-service's {@code NullableSchemas}).
     */
    private static ObjectNode closed(JsonNode openApi) {
        ObjectNode copy = (ObjectNode) openApi.deepCopy();
        for (var named : copy.path("components").path("schemas").properties()) {
            JsonNode schema = named.getValue();
            if (schema instanceof ObjectNode object && schema.has("properties")) {
                ArrayNode required = object.putArray("required");
                schema.get("properties").propertyNames().forEach(required::add);
                object.put("additionalProperties", false);
            }
        }
        return copy;
    }
}
