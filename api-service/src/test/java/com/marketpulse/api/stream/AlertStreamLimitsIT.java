package com.marketpulse.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.SseClient;
import com.marketpulse.api.web.RejectedRequests;
import com.marketpulse.events.json.EventJson;

/**
 * The stream's bounds against the running application: per address (anonymous), per account, in total, the
 * Last-Event-ID replays, and a signed-in stream closing when its token is revoked. Small limits of its own, so
 * the other stream tests keep theirs.
 */
@TestPropertySource(properties = {
        "marketpulse.api.stream.max-per-address=2",
        "marketpulse.api.stream.max-per-user=2",
        "marketpulse.api.stream.max-total=3",
        "marketpulse.api.stream.replays-per-minute=2",
        "marketpulse.api.stream.revalidate-every=1s"})
class AlertStreamLimitsIT extends ApiIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String STREAM = "/api/alerts/stream";

    @Autowired
    AlertBroadcaster broadcaster;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void closeEveryStream() {
        broadcaster.closeAll();
    }

    @Test
    void anAddressAtItsCapOfAnonymousStreamsIsRefusedWithA429Problem() throws Exception {
        double before = rejected("stream-per-address");
        open(null, null);
        open(null, null);

        HttpResponse<String> refused = refusedStream(null, null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertProblem(refused, "Your address has 2 anonymous live alert streams open");
        assertThat(refused.headers().firstValue("Retry-After")).contains("30");
        assertThat(rejected("stream-per-address")).isEqualTo(before + 1);
    }

    @Test
    void signedInStreamsOfEveryCoinCountAgainstTheAccountNotTheSharedAddress() throws Exception {
        String token = http.login("demo", "demo123");
        open(token, null, "?scope=all");
        open(token, null, "?scope=all");

        // the dashboard opens every user's stream from its one address: these leave the address its own streams
        open(null, null);
        assertThat(refusedStream(token, null).statusCode()).isEqualTo(503);
    }

    @Test
    void anUnknownScopeIsA400Problem() throws Exception {
        HttpResponse<String> refused = refusedStream(null, null, "?scope=everything");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertProblem(refused, "Parameter 'scope' must be 'mine' or 'all'");
    }

    @Test
    void anAccountAtItsCapIsRefusedWith429AndTheInstanceAtItsTotalWith503() throws Exception {
        String token = http.login("demo", "demo123");
        open(token, null);
        open(token, null);

        HttpResponse<String> perUser = refusedStream(token, null);
        assertThat(perUser.statusCode()).isEqualTo(429);
        assertProblem(perUser, "Your account has 2 live alert streams open");

        open(null, null);
        double before = rejected("stream-total");
        HttpResponse<String> total = refusedStream(null, null);
        assertThat(total.statusCode()).isEqualTo(503);
        assertProblem(total, "live alert streams open, its limit");
        assertThat(rejected("stream-total")).isEqualTo(before + 1);
    }

    @Test
    void lastEventIdReplaysAreRateLimitedPerClient() throws Exception {
        double before = rejected("stream-replay");
        open(null, "no-such-alert");
        broadcaster.closeAll();
        open(null, "no-such-alert");
        broadcaster.closeAll();

        HttpResponse<String> refused = refusedStream(null, "no-such-alert");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertProblem(refused, "Too many Last-Event-ID replays");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(rejected("stream-replay")).isEqualTo(before + 1);
        open(null, null);
    }

    @Test
    void aLastEventIdThatIsNoAlertIdIsA400Problem() throws Exception {
        HttpResponse<String> refused = refusedStream(null, "x".repeat(500));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertProblem(refused, "Header 'Last-Event-ID' must be the id of an alert");
    }

    @Test
    void theStreamOfAUserWhoLogsOutCloses() throws Exception {
        String token = http.login("demo", "demo123");
        SseClient mine = open(token, null);
        SseClient anonymous = open(null, null);

        assertThat(http.send("POST", "/api/auth/logout", null, null, "Bearer " + token).status()).isEqualTo(204);

        await().atMost(PATIENCE).until(mine::ended);
        assertThat(anonymous.ended()).as("only the revoked token's stream closes").isFalse();
        assertThat(refusedStream(token, null).statusCode()).as("and it cannot reopen").isEqualTo(401);
    }

    private SseClient open(String token, String lastEventId) {
        return open(token, lastEventId, "");
    }

    private SseClient open(String token, String lastEventId, String query) {
        SseClient client = new SseClient(http, STREAM + query, token, lastEventId);
        await().atMost(PATIENCE).until(() -> client.status() != 0);
        assertThat(client.status()).isEqualTo(200);
        return client;
    }

    private HttpResponse<String> refusedStream(String token, String lastEventId)
            throws IOException, InterruptedException {
        return refusedStream(token, lastEventId, "");
    }

    private HttpResponse<String> refusedStream(String token, String lastEventId, String query)
            throws IOException, InterruptedException {
        var request = http.request(STREAM + query, token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return http.client().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, String detail) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = EventJson.mapper().readTree(response.body());
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    private double rejected(String reason) {
        Counter counter = meters.find(RejectedRequests.METER).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
