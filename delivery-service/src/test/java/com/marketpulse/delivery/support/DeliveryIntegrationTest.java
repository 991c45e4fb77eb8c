package com.marketpulse.delivery.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.alerting.rules.RuleSetJson;
import com.marketpulse.alerting.seal.DeliveryKeys;
import com.marketpulse.alerting.seal.SealedBox;
import com.marketpulse.events.Alert;
import com.marketpulse.events.Topics;

/**
 * delivery-service against a real embedded Kafka broker (KRaft) and a real embedded PostgreSQL holding the API's
 * schema, with a webhook receiver on loopback (allowed by the explicit setting), an embedded SMTP server (GreenMail)
 * for email channels and short retry back-offs. Users,
 * holdings, rules and channels are written as the API writes them (its tables, secrets sealed with the public key).
 */
@SpringBootTest(properties = {
        "marketpulse.delivery.allow-loopback=true",
        "marketpulse.delivery.poll-interval=100ms",
        "marketpulse.delivery.retry.initial=200ms",
        "marketpulse.delivery.pause-after=5"})
@EmbeddedKafka(topics = {Topics.MARKET_ALERTS, Topics.MARKET_ALERTS_REPLAY, "market.alerts.DLT"}, partitions = 3,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class DeliveryIntegrationTest {

    private static final Path PRIVATE_KEY = Path.of("target", "delivery-keys", "private.pem");
    private static final Path PUBLIC_KEY = Path.of("target", "delivery-keys", "public.pem");
    /** One receiver for the JVM, as the Spring context (and with it the channels' URLs) is shared. */
    protected static final FakeWebhook RECEIVER = new FakeWebhook();
    /** One SMTP server for the JVM, for the same reason. */
    protected static final FakeSmtp SMTP = new FakeSmtp();
    /** Where the confirmation links point in these tests. */
    protected static final String PUBLIC_URL = "https://marketpulse.example";

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected KafkaTemplate<Object, Object> kafka;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) throws IOException {
        DeliveryKeys.generateIfAbsent(PRIVATE_KEY, PUBLIC_KEY);
        registry.add("marketpulse.delivery.private-key-file", PRIVATE_KEY::toString);
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("marketpulse.delivery.email.host", () -> "127.0.0.1");
        registry.add("marketpulse.delivery.email.port", SMTP::port);
        registry.add("marketpulse.delivery.email.starttls", () -> "false");
        registry.add("marketpulse.delivery.email.from", () -> "MarketPulse <alerts@marketpulse.example>");
        registry.add("marketpulse.delivery.email.public-url", () -> PUBLIC_URL);
        // a refused connection fails at once; short timeouts keep a test of a dead server short
        registry.add("marketpulse.delivery.email.timeout", () -> "2s");
    }

    /** A user as the API stores one, holding {@code quantity} of {@code symbol}. */
    protected long user(String name, String symbol, Double quantity) {
        long id = jdbc.sql("INSERT INTO api.users (username, password_hash) VALUES (:n, '{noop}x') RETURNING id")
                .param("n", name).query(Long.class).single();
        jdbc.sql("INSERT INTO api.portfolio_holdings (user_id, symbol, quantity) VALUES (:u, :s, :q)")
                .param("u", id).param("s", symbol).param("q", quantity, java.sql.Types.DOUBLE).update();
        return id;
    }

    /** A webhook channel to the fake receiver at {@code path}, its secret sealed as the API seals it. */
    protected long webhook(long userId, String url, String secret) throws IOException {
        PublicKey key = DeliveryKeys.publicKey(Files.readString(PUBLIC_KEY));
        return jdbc.sql("""
                        INSERT INTO api.alert_channels (user_id, type, name, target, secret_sealed)
                        VALUES (:u, 'WEBHOOK', 'test', :url, :secret) RETURNING id""")
                .param("u", userId).param("url", url).param("secret", SealedBox.seal(secret, key))
                .query(Long.class).single();
    }

    /**
     * An email channel awaiting confirmation, as the API writes one: the token's SHA-256, the token sealed with the
     * public key, an expiry. Returns the channel id; the token is what the mailed link must carry.
     */
    protected long unconfirmedEmail(long userId, String address, String token) throws IOException {
        PublicKey key = DeliveryKeys.publicKey(Files.readString(PUBLIC_KEY));
        return jdbc.sql("""
                        INSERT INTO api.alert_channels (user_id, type, name, target, secret_sealed, confirm_token_hash,
                            confirm_expires_at)
                        VALUES (:u, 'EMAIL', 'mail', :address, :sealed, sha256(convert_to(:token, 'UTF8')),
                            now() + interval '2 days') RETURNING id""")
                .param("u", userId).param("address", address).param("sealed", SealedBox.seal(token, key))
                .param("token", token)
                .query(Long.class).single();
    }

    /** The owner followed the link: as the API confirms it (confirmed, token and its sealed copy forgotten). */
    protected void confirm(long channelId) {
        jdbc.sql("""
                        UPDATE api.alert_channels SET confirmed_at = now(), confirm_token_hash = NULL,
                            confirm_expires_at = NULL, secret_sealed = NULL WHERE id = :id""")
                .param("id", channelId).update();
    }

    protected void rules(long userId, RuleSet rules) {
        jdbc.sql("INSERT INTO api.alert_rule_sets (user_id, rules) VALUES (:u, CAST(:r AS jsonb))")
                .param("u", userId).param("r", RuleSetJson.write(rules)).update();
    }

    protected void snooze(long userId, String symbol, Instant until) {
        jdbc.sql("INSERT INTO api.alert_snoozes (user_id, symbol, until) VALUES (:u, :s, :t)")
                .param("u", userId).param("s", symbol).param("t", Timestamp.from(until)).update();
    }

    protected void publish(String topic, Alert alert) {
        kafka.send(new ProducerRecord<>(topic, alert.symbol(), alert)).join();
    }
}
