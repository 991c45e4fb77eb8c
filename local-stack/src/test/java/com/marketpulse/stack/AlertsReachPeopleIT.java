package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.marketpulse.delivery.support.FakeBotApi;
import com.marketpulse.delivery.support.FakeSmtp;
import com.marketpulse.delivery.support.FakeWebhook;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;

/**
 * Alerts that reach people, on the local stack: the broker, PostgreSQL, detection-service, feature-service,
 * api-service and delivery-service as the run command starts them; the only fakes are the outside receivers, on
 * loopback and speaking the real protocols: an SMTP server (GreenMail), Telegram's Bot API and a webhook receiver.
 * One user holds BTC, ETH and SOL and set a webhook, an email address (confirmed by the link mailed to it) and a
 * Telegram chat (linked by sending {@code /start <code>} to the bot). In order:
 * <ol>
 *   <li>a BTC move the test injects as market data (a thin venue: minute bars and quotes) becomes an alert that
 *       reaches all three channels within 5 s of detection writing it, each with the holding's impact in money;</li>
 *   <li>a second BTC spike of the burst is suppressed by the rule's cooldown, and after a snooze of BTC every BTC
 *       alert is suppressed;</li>
 *   <li>a webhook receiver that fails twice and then succeeds gets the alert once (one delivery id, three tries);</li>
 *   <li>delivery-service killed with -9 while a webhook delivery waits out its back-off still delivers it once after
 *       a restart, and sends nothing twice.</li>
 * </ol>
 * The alerts of steps 2-4 are published to market.alerts as detection writes them. The services' logs are under
 * target/reach-&lt;time&gt;/logs/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsReachPeopleIT {

    private static final String DB_PASSWORD = "reach-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The bound: from the alert written by detection to the message at each receiver. */
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final String USER = "holder-reach";
    private static final String PASSWORD = "Amber-Lantern-58";
    private static final String EMAIL = "holder@example.com";
    private static final long CHAT = 4_711_001L;
    private static final String HOOK = "/alerts";
    private static final Pattern CONFIRM_LINK = Pattern.compile("(http://\\S+/api/me/channels/confirm\\?token=[A-Za-z0-9_-]+)");
    private static final HttpClient http = HttpClient.newHttpClient();

    private final java.nio.file.Path data =
            java.nio.file.Path.of("target", "reach-" + System.currentTimeMillis()).toAbsolutePath();

    private final FakeWebhook receiver = new FakeWebhook();
    private final FakeSmtp smtp = new FakeSmtp();
    private final FakeBotApi bot = new FakeBotApi();
    private StackSettings settings;
    private Stack stack;
    private KafkaConsumer<String, String> alerts;
    private final List<ConsumerRecord<String, String>> alertRecords = new ArrayList<>();
    private boolean earlierStepFailed;

    private String token;
    private long webhookChannel;
    private long emailChannel;
    private long telegramChannel;
    private Alert spike;

    @RegisterExtension
    final TestWatcher recordFailures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            earlierStepFailed = true;
        }
    };

    @BeforeAll
    void startStack() throws Exception {
        settings = FreePorts.settings(data);
        stack = Stack.startInfrastructure(settings, DB_PASSWORD);
        stack.startServices(List.of(Service.DETECTION, Service.FEATURE, Service.API, Service.DELIVERY), Map.of(
                "MARKETPULSE_TELEGRAM_BOT_USERNAME", "MarketPulseTestBot",
                "MARKETPULSE_DELIVERY_TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                "MARKETPULSE_DELIVERY_TELEGRAM_BASEURL", bot.baseUrl(),
                "MARKETPULSE_DELIVERY_TELEGRAM_POLLTIMEOUT", "2s",
                "MARKETPULSE_DELIVERY_EMAIL_HOST", "127.0.0.1",
                "MARKETPULSE_DELIVERY_EMAIL_PORT", Integer.toString(smtp.port()),
                "MARKETPULSE_DELIVERY_EMAIL_STARTTLS", "false",
                // short back-offs keep the test short: 3 s after the first failure, 6 s after the second
                "MARKETPULSE_DELIVERY_RETRY_INITIAL", "3s"), START_TIMEOUT);
        alerts = alertsConsumer(stack.kafkaBootstrap());
    }

    @AfterAll
    void stopEverything() throws Exception {
        try (receiver; smtp; bot) {
            if (alerts != null) {
                alerts.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    /** The steps build on each other: after a failure the later ones would only repeat it. */
    @BeforeEach
    void skipAfterAFailedStep() {
        org.junit.jupiter.api.Assumptions.assumeFalse(earlierStepFailed, "an earlier step failed");
    }

    @Test
    @Order(1)
    void aHolderSetsAWebhookAConfirmedEmailAndALinkedTelegramChat() throws Exception {
        assertThat(call("POST", "/api/auth/register", Map.of("username", USER, "password", PASSWORD)).statusCode())
                .isEqualTo(201);
        token = json(expect(200, call("POST", "/api/auth/login", Map.of("username", USER, "password", PASSWORD))))
                .path("token").asString();
        expect(200, call("PUT", "/api/me/portfolio", Map.of("symbols", List.of("BTC/USD", "ETH/USD", "SOL/USD"),
                "quantities", Map.of("BTC/USD", 0.5, "ETH/USD", 4.0, "SOL/USD", 100.0))));

        JsonNode webhook = json(expect(201, call("POST", "/api/me/channels",
                Map.of("type", "WEBHOOK", "name", "my server", "target", receiver.url(HOOK)))));
        webhookChannel = webhook.path("channel").path("id").asLong();
        assertThat(webhook.path("secret").asString()).startsWith("whsec_");

        emailChannel = json(expect(201, call("POST", "/api/me/channels",
                Map.of("type", "EMAIL", "name", "inbox", "target", EMAIL)))).path("channel").path("id").asLong();
        MimeMessage confirmation = await("the confirmation mail").atMost(WAIT)
                .until(() -> smtp.to(EMAIL), mails -> !mails.isEmpty()).getFirst();
        Matcher link = CONFIRM_LINK.matcher(mailText(confirmation));
        assertThat(link.find()).as("the confirmation link in the mail").isTrue();
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(link.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isLessThan(400);
        assertThat(channel(emailChannel).path("confirmedAt").isNull()).as("confirmed by the link").isFalse();

        JsonNode telegram = json(expect(201, call("POST", "/api/me/channels",
                Map.of("type", "TELEGRAM", "name", "phone"))));
        telegramChannel = telegram.path("channel").path("id").asLong();
        bot.userSends(CHAT, "/start " + telegram.path("telegramLink").path("code").asString());
        await("the chat linked").atMost(WAIT).until(() -> !channel(telegramChannel).path("confirmedAt").isNull());
    }

    @Test
    @Order(2)
    void aBtcMoveReachesTheWebhookTheMailboxAndTheChatWithinFiveSecondsWithTheHoldingsImpact() throws Exception {
        Instant spikeTime = CalmThenSpike.publish(stack.kafkaBootstrap(), "BTC/USD", 90_000);

        ConsumerRecord<String, String> written = await("detection's PRICE_SPIKE alert on market.alerts")
                .atMost(ALERT_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> writtenAlert(a -> a.symbol().equals("BTC/USD") && a.type() == AlertType.PRICE_SPIKE
                        && !a.eventTime().isBefore(spikeTime.minusMillis(1))), Optional::isPresent).orElseThrow();
        spike = EventJson.mapper().readValue(written.value(), Alert.class);
        Instant alertAt = Instant.ofEpochMilli(written.timestamp());

        FakeWebhook.Received hook = await("the webhook").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> hooksOf(spike), list -> !list.isEmpty()).getFirst();
        Instant mailSeen = null;
        MimeMessage mail = null;
        FakeBotApi.Sent message = null;
        for (Instant end = Instant.now().plus(WAIT); (mail == null || message == null) && Instant.now().isBefore(end);
             Thread.sleep(50)) {
            if (mail == null && !mailsOf(spike).isEmpty()) {
                mail = mailsOf(spike).getFirst();
                mailSeen = Instant.now(); // at most 50 ms after GreenMail took it
            }
            if (message == null && !chatMessagesOf(spike).isEmpty()) {
                message = chatMessagesOf(spike).getFirst();
            }
        }
        assertThat(mail).as("the mail").isNotNull();
        assertThat(message).as("the Telegram message").isNotNull();

        System.out.printf("alert written → webhook %d ms, → mailbox %d ms (seen), → Telegram %d ms%n",
                Duration.between(alertAt, hook.at()).toMillis(), Duration.between(alertAt, mailSeen).toMillis(),
                Duration.between(alertAt, message.at()).toMillis());
        assertThat(Duration.between(alertAt, hook.at())).as("alert → webhook").isLessThanOrEqualTo(WITHIN);
        assertThat(Duration.between(alertAt, mailSeen)).as("alert → mailbox").isLessThanOrEqualTo(WITHIN);
        assertThat(Duration.between(alertAt, message.at())).as("alert → Telegram").isLessThanOrEqualTo(WITHIN);

        String impact = json(hook.body()).path("impact").path("text").asString();
        assertThat(impact).as("the webhook's impact on 0.5 BTC").startsWith("your 0.5 BTC: +$");
        assertThat(mail.getSubject()).as("the mail's subject").contains("(" + impact + ")");
        assertThat(message.text()).as("the Telegram message").contains(impact);
        assertThat(message.status()).isEqualTo(200);
        // once each: a few seconds later nothing more came for it
        Thread.sleep(3_000);
        assertThat(hooksOf(spike)).hasSize(1);
        assertThat(mailsOf(spike)).hasSize(1);
        assertThat(chatMessagesOf(spike)).hasSize(1);
    }

    @Test
    @Order(3)
    void aCooldownSuppressesTheSecondSpikeOfTheBurstAndASnoozeSuppressesEveryAlertOfTheCoin() throws Exception {
        Alert second = alert("BTC/USD", AlertType.PRICE_SPIKE, Direction.UP, Instant.now(), 96_000, "second spike");
        publish(second);
        await("the second spike decided").atMost(WAIT).until(() -> reason(second) != null);
        assertThat(reason(second)).isEqualTo("COOLDOWN");

        expect(200, call("POST", "/api/me/snoozes", Map.of("symbol", "BTC/USD", "minutes", 60)));
        Alert volume = alert("BTC/USD", AlertType.VOLUME_ANOMALY, Direction.UP, Instant.now(), 96_100, "snoozed volume");
        Alert fall = alert("BTC/USD", AlertType.PRICE_SPIKE, Direction.DOWN, Instant.now().plusSeconds(1), 90_500,
                "snoozed fall");
        publish(volume);
        publish(fall);
        await("the snoozed alerts decided").atMost(WAIT).until(() -> reason(volume) != null && reason(fall) != null);
        assertThat(reason(volume)).isEqualTo("SNOOZED");
        assertThat(reason(fall)).isEqualTo("SNOOZED");

        for (Alert suppressed : List.of(second, volume, fall)) {
            assertThat(deliveries(suppressed)).as("never queued: %s", suppressed.explanation()).isZero();
            assertThat(hooksOf(suppressed)).isEmpty();
            assertThat(mailsOf(suppressed)).isEmpty();
            assertThat(chatMessagesOf(suppressed)).isEmpty();
        }
    }

    @Test
    @Order(4)
    void aWebhookReceiverThatFailsTwiceThenSucceedsGetsTheAlertOnce() throws Exception {
        receiver.failFirst(HOOK, 2);
        Alert eth = alert("ETH/USD", AlertType.PRICE_SPIKE, Direction.DOWN, Instant.now(), 2_950, "fails twice");

        publish(eth);

        await("sent on the third try").atMost(WAIT).until(() -> attempts(eth, webhookChannel),
                tries -> tries.equals("RETRY:503,RETRY:503,SENT:200"));
        assertThat(hooksOf(eth)).hasSize(3).extracting(r -> r.header("X-MarketPulse-Delivery"))
                .as("one delivery, tried three times").containsOnly(hooksOf(eth).getFirst().header(
                        "X-MarketPulse-Delivery"));
        await("the mail and the chat").atMost(WAIT)
                .until(() -> mailsOf(eth).size() == 1 && chatMessagesOf(eth).size() == 1);
    }

    @Test
    @Order(5)
    void deliveryServiceKilledWithMinus9DuringABackOffStillDeliversTheAlertOnce() throws Exception {
        receiver.failFirst(HOOK, 1);
        Alert sol = alert("SOL/USD", AlertType.PRICE_SPIKE, Direction.UP, Instant.now(), 152, "killed in back-off");

        publish(sol);
        await("the first try failed, the mail and the chat sent").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> attempts(sol, webhookChannel).equals("RETRY:503")
                        && attempts(sol, emailChannel).startsWith("SENT")
                        && attempts(sol, telegramChannel).startsWith("SENT"));
        stack.killService(Service.DELIVERY);
        assertThat(attempts(sol, webhookChannel)).as("killed while the webhook delivery waited out its back-off")
                .isEqualTo("RETRY:503");

        stack.restartService(Service.DELIVERY, START_TIMEOUT);

        await("sent after the restart").atMost(WAIT).until(() -> attempts(sol, webhookChannel),
                tries -> tries.equals("RETRY:503,SENT:200"));
        Thread.sleep(3_000);
        assertThat(hooksOf(sol)).as("one failed try and one delivery, of one delivery id").hasSize(2)
                .extracting(r -> r.header("X-MarketPulse-Delivery")).containsOnly(hooksOf(sol).getFirst()
                        .header("X-MarketPulse-Delivery"));
        assertThat(mailsOf(sol)).as("the mail, not again after the restart").hasSize(1);
        assertThat(chatMessagesOf(sol)).as("the Telegram message, not again after the restart").hasSize(1);
        assertThat(hooksOf(spike)).as("nothing earlier sent again").hasSize(1);
    }

    // --- alerts in and out ------------------------------------------------------------------------------------

    private static Alert alert(String symbol, AlertType type, Direction direction, Instant at, double price,
                               String what) {
        String id = symbol + "|" + type + "|" + at + "|" + UUID.randomUUID();
        return new Alert(id, symbol, type, direction, 75, SeverityLevel.of(75), at, at, price, 0.8, "m1",
                symbol + " " + what + " " + UUID.randomUUID().toString().substring(0, 8), Instant.now(), null);
    }

    private void publish(Alert alert) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.MARKET_ALERTS, alert.symbol(),
                    EventJson.mapper().writeValueAsString(alert))).get();
        }
    }

    private static KafkaConsumer<String, String> alertsConsumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.MARKET_ALERTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** The first alert written to market.alerts that matches, with the time detection wrote it. */
    private Optional<ConsumerRecord<String, String>> writtenAlert(java.util.function.Predicate<Alert> matches) {
        alerts.poll(Duration.ofMillis(100)).forEach(alertRecords::add);
        return alertRecords.stream()
                .filter(r -> matches.test(EventJson.mapper().readValue(r.value(), Alert.class)))
                .findFirst();
    }

    private List<FakeWebhook.Received> hooksOf(Alert alert) {
        return receiver.at(HOOK).stream()
                .filter(r -> json(r.body()).path("alert").path("alertId").asString().equals(alert.alertId()))
                .toList();
    }

    private List<MimeMessage> mailsOf(Alert alert) {
        return smtp.to(EMAIL).stream().filter(m -> mailText(m).contains("Alert " + alert.alertId() + ",")).toList();
    }

    private List<FakeBotApi.Sent> chatMessagesOf(Alert alert) {
        String explanation = alert.explanation().substring(0, Math.min(40, alert.explanation().length()));
        return bot.sentTo(CHAT).stream().filter(s -> s.text().contains(explanation)).toList();
    }

    private static String mailText(MimeMessage mail) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            mail.writeTo(out);
            return jakarta.mail.internet.MimeUtility.unfold(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .replace("=\r\n", "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- what delivery-service recorded (PostgreSQL) ----------------------------------------------------------

    /** The rule's reason (or the outcome) delivery-service decided for this user and alert; null before. */
    private String reason(Alert alert) throws SQLException {
        return queryOne("""
                SELECT coalesce(d.reason, d.outcome) FROM delivery.decisions d JOIN api.users a ON a.id = d.user_id
                WHERE a.username = ? AND d.alert_id = ?""", USER, alert.alertId());
    }

    private int deliveries(Alert alert) throws SQLException {
        return Integer.parseInt(queryOne("SELECT count(*) FROM delivery.deliveries WHERE alert_id = ?",
                alert.alertId()));
    }

    /** The attempts at delivering the alert to the channel, in order: {@code OUTCOME:status} joined by commas. */
    private String attempts(Alert alert, long channel) throws SQLException {
        String tries = queryOne("""
                SELECT string_agg(a.outcome || ':' || coalesce(a.http_status::text, '-'), ',' ORDER BY a.id)
                FROM delivery.attempts a JOIN delivery.deliveries d ON d.id = a.delivery_id
                WHERE d.alert_id = ? AND d.channel_id = ?""", alert.alertId(), channel);
        return tries == null ? "" : tries;
    }

    private String queryOne(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), StackSettings.DATABASE_USER,
                DB_PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    // --- the API ----------------------------------------------------------------------------------------------

    private JsonNode channel(long id) throws Exception {
        return json(expect(200, call("GET", "/api/me/channels/" + id, null)));
    }

    private HttpResponse<String> call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
                + settings.port(Service.API) + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
                response.body()).isEqualTo(status);
        return response.body();
    }

    private static JsonNode json(String body) {
        return EventJson.mapper().readTree(body);
    }
}
