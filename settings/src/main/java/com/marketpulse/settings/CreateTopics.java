package com.marketpulse.settings;

import com.marketpulse.events.TopicCatalogue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Creates every topic of the catalogue that is missing, with the configured partitions and replication factor:
 * compose's {@code kafka-init} runs it ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MARKETPULSE_CONFIG}), and the local
 * launcher calls {@link #createMissing}.
 */
public final class CreateTopics {

    private CreateTopics() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        String bootstrap = args.length > 0 ? args[0] : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "localhost:9092");
        MarketPulseSettings settings = Settings.load(Settings.configFile());
        List<String> created = createMissing(bootstrap, settings.kafka());
        System.err.println("Topics created: " + created + " (" + settings.kafka().partitions() + " partitions, "
                + "replication factor " + settings.kafka().replicationFactor() + ")");
    }

    /** Creates the missing catalogued topics; returns their names. */
    public static List<String> createMissing(String bootstrapServers, MarketPulseSettings.Kafka kafka)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return TopicCatalogue.createMissing(admin, kafka.partitions(), kafka.replicationFactor());
        }
    }
}
