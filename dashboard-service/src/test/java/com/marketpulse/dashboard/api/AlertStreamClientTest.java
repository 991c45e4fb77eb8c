package com.marketpulse.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import tools.jackson.databind.json.JsonMapper;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.events.Direction;

class AlertStreamClientTest {

    private static final String ALERT = """
            {"id":"%s","symbol":"BTC/USD","type":"VOLUME_ANOMALY","direction":"DOWN","severity":55,"level":"MEDIUM",\
            "eventTime":"2026-11-24T12:00:01Z","endTime":"2026-11-24T12:00:09Z","price":64000.0,"score":0.7,\
            "modelVersion":"m1","explanation":"volume 5.2σ above normal","detectedAt":"2026-11-24T12:00:01.5Z"}""";

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private AlertStreamClient streams;

    @BeforeEach
    void start() throws Exception {
        server.start();
        streams = client(Duration.ofSeconds(30));
    }

    private AlertStreamClient client(Duration idleTimeout) {
        var properties = new ApiProperties(URI.create("http://" + server.getHostName() + ":" + server.getPort()),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1), idleTimeout, Duration.ofMinutes(1), "");
        return new AlertStreamClient(properties, JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void readsEveryAlertEventAndSkipsOtherEventsAndComments() throws Exception {
        server.enqueue(eventStream(": connected\n\n"
                + "event: heartbeat\ndata: {}\n\n"
                + "event: alert\nid: a-1\ndata: " + ALERT.formatted("a-1") + "\n\n"
                + "event: alert\nid: a-2\ndata: " + ALERT.formatted("a-2") + "\n\n"));
        List<AlertDto> received = new CopyOnWriteArrayList<>();

        try (AlertStream stream = streams.connect("t-1", null)) {
            stream.read(received::add);
            assertThat(stream.lastEventId()).isEqualTo("a-2");
        }

        assertThat(received).extracting(AlertDto::id).containsExactly("a-1", "a-2");
        assertThat(received.getFirst().explanation()).isEqualTo("volume 5.2σ above normal");
        assertThat(received.getFirst().direction()).isEqualTo(Direction.DOWN);
    }

    @Test
    void anUnreadableEventIsSkippedAndTheStreamGoesOn() throws Exception {
        server.enqueue(eventStream("event: alert\ndata: {broken\n\n"
                + "event: alert\ndata: " + ALERT.formatted("a-3") + "\n\n"));
        List<AlertDto> received = new CopyOnWriteArrayList<>();

        try (AlertStream stream = streams.connect("t-1", null)) {
            stream.read(received::add);
        }

        assertThat(received).extracting(AlertDto::id).containsExactly("a-3");
    }

    @Test
    void sendsTheBearerTokenAndResumesFromTheLastEventId() throws Exception {
        server.enqueue(eventStream(""));

        try (AlertStream stream = streams.connect("t-1", "a-9")) {
            stream.read(alert -> { });
        }

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/api/alerts/stream");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t-1");
        assertThat(request.getHeaders().get("Last-Event-ID")).isEqualTo("a-9");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void everyCoinsStreamIsRequestedWithTheUsersTokenSoItCountsAgainstTheUserNotTheDashboardsAddress()
            throws Exception {
        server.enqueue(eventStream(""));

        try (AlertStream stream = streams.connect("t-1", null, true)) {
            stream.read(alert -> { });
        }

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/api/alerts/stream?scope=all");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t-1");
    }

    @Test
    void withoutATokenTheStreamIsRequestedAnonymously() throws Exception {
        server.enqueue(eventStream(""));

        try (AlertStream stream = streams.connect(null, null)) {
            stream.read(alert -> { });
        }

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        server.enqueue(ApiClientTest.problem(401, "Token expired"));

        assertThatThrownBy(() -> streams.connect("old", null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(ApiException.Problem.UNAUTHORIZED));
    }

    @Test
    void anAnswerThatIsNotAnEventStreamIsAProtocolProblem() {
        server.enqueue(ApiClientTest.json(200, "[]"));

        assertThatThrownBy(() -> streams.connect("t-1", null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(ApiException.Problem.PROTOCOL));
    }

    @Test
    void closingFromAnotherThreadEndsAReadThatWaitsForEvents() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(new OpenEndedBody("event: alert\ndata: " + ALERT.formatted("a-4") + "\n\n"))
                .build());
        List<AlertDto> received = new CopyOnWriteArrayList<>();
        var ended = new CountDownLatch(1);
        AlertStream stream = streams.connect("t-1", null);
        Thread.ofVirtual().start(() -> {
            try {
                stream.read(received::add);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } finally {
                ended.countDown();
            }
        });
        await().until(() -> received.size() == 1);
        assertThat(ended.getCount()).isEqualTo(1);

        stream.close();

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStreamSilentForTheIdleTimeoutIsGivenUp() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(new OpenEndedBody(": connected\n\n"))
                .build());
        List<AlertDto> received = new CopyOnWriteArrayList<>();

        try (AlertStream stream = client(Duration.ofMillis(300)).connect("t-1", null)) {
            stream.read(received::add);
            assertThat(stream.wentSilent()).isTrue();
        }

        assertThat(received).isEmpty();
    }

    private static MockResponse eventStream(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    /** Writes its events, then keeps the connection open until the test ends. */
    private final class OpenEndedBody implements MockResponseBody {

        private final String events;

        OpenEndedBody(String events) {
            this.events = events;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws java.io.IOException {
            sink.writeUtf8(events).flush();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
