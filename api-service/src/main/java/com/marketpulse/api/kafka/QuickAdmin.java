package com.marketpulse.api.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A Kafka admin client for questions that must be answered quickly or not at all (status, a backtest's drain): Spring
 * Kafka's connection settings with short timeouts, created at the first question (the API starts while the broker
 * may still be away) and closed with its owner.
 */
public final class QuickAdmin implements AutoCloseable {

    private final Map<String, Object> config;
    private Admin admin;

    public QuickAdmin(KafkaAdmin kafkaAdmin, Duration timeout) {
        this.config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    }

    public synchronized Admin client() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
