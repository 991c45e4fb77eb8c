package com.marketpulse.dashboard.alert;

import static com.marketpulse.dashboard.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.dashboard.FakeApi;
import com.marketpulse.dashboard.api.AlertStreamClient;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiProperties;

import tools.jackson.databind.json.JsonMapper;

class AlertFeedTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private final FakeApi fake = new FakeApi();
    private final Recorder recorder = new Recorder();
    private ApiClient api;
    private AlertStreamClient streams;
    private String token;
    private AlertFeed feed;

    @BeforeEach
    void start() throws Exception {
        fake.start();
        var properties = new ApiProperties(URI.create(fake.url()), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMinutes(1), "");
        var json = JsonMapper.builder().build();
        api = new ApiClient(RestClient.builder(), properties, json);
        streams = new AlertStreamClient(properties, json);
        token = api.login("demo", "demo123", new com.marketpulse.dashboard.api.SignInClient("127.0.0.1", null)).token().token();
        api.savePortfolio(token, com.marketpulse.api.contract.Portfolio.of(List.of("BTC/USD")));
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        fake.close();
    }

    private AlertFeed start(AlertFeed.Scope scope) {
        feed = AlertFeed.start(api, streams, token, scope, Duration.ofMillis(200), recorder);
        return feed;
    }

    @Test
    void deliversStoredAlertsThenPushesNewOnesLive() {
        fake.publish(alert("old", "BTC/USD", T0, "stored before the page opened"));
        start(AlertFeed.Scope.MINE);
        await().until(() -> recorder.states.contains(AlertFeed.State.LIVE) && recorder.ids().contains("old"));

        fake.publish(alert("new", "BTC/USD", T0.plusSeconds(5), "pushed"));

        await().until(() -> recorder.ids().contains("new"));
        assertThat(recorder.states).doesNotContain(AlertFeed.State.POLLING);
    }

    @Test
    void onlyTheCoinsOfThePortfolioArrive() {
        start(AlertFeed.Scope.MINE);
        await().until(() -> fake.openStreams() == 1);

        fake.publish(alert("eth", "ETH/USD", T0, "not held"));
        fake.publish(alert("btc", "BTC/USD", T0.plusSeconds(1), "held"));

        await().until(() -> recorder.ids().contains("btc"));
        assertThat(recorder.ids()).doesNotContain("eth");
    }

    @Test
    void allScopeSeesEveryCoin() {
        start(AlertFeed.Scope.ALL);
        await().until(() -> fake.openStreams() == 1);

        fake.publish(alert("eth", "ETH/USD", T0, "not held"));

        await().until(() -> recorder.ids().contains("eth"));
    }

    @Test
    void pollsWhileTheStreamIsDownAndGoesLiveAgainWhenItIsBack() {
        fake.streamAvailable(false);
        start(AlertFeed.Scope.MINE);
        await().until(() -> recorder.states.contains(AlertFeed.State.POLLING));

        fake.publish(alert("polled", "BTC/USD", T0, "found by polling"));
        await().until(() -> recorder.ids().contains("polled"));

        fake.streamAvailable(true);
        await().until(() -> recorder.states.getLast() == AlertFeed.State.LIVE);
        fake.publish(alert("pushed", "BTC/USD", T0.plusSeconds(1), "streamed again"));
        await().until(() -> recorder.ids().contains("pushed"));
    }

    @Test
    void anExpiredTokenStopsTheFeedAndSaysSo() {
        api.logout(token);

        start(AlertFeed.Scope.MINE);

        await().until(() -> recorder.states.contains(AlertFeed.State.EXPIRED));
    }

    @Test
    void closingEndsTheStream() {
        start(AlertFeed.Scope.MINE);
        await().until(() -> fake.openStreams() == 1);

        feed.close();
        fake.publish(alert("late", "BTC/USD", T0, "after close"));

        await().until(() -> fake.openStreams() == 0);
        assertThat(feed.isClosed()).isTrue();
        assertThat(recorder.ids()).doesNotContain("late");
    }

    private static final class Recorder implements AlertFeed.Listener {

        final List<AlertDto> alerts = new CopyOnWriteArrayList<>();
        final List<AlertFeed.State> states = new CopyOnWriteArrayList<>();

        @Override
        public void onAlerts(List<AlertDto> received) {
            alerts.addAll(received);
        }

        @Override
        public void onState(AlertFeed.State state) {
            states.add(state);
        }

        List<String> ids() {
            return alerts.stream().map(AlertDto::id).toList();
        }
    }
}
