package com.marketpulse.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Every topic MarketPulse uses, with how it is created: the {@code market.*} topics, their {@code .replay} twins
 * (LogAppendTime, so a backtest's old event times do not expire its records at once) and the dead-letter topics of
 * every consumed topic, and ingestion's one-partition source lease. The services' {@code NewTopic} beans, the local launcher and compose's topic creation all
 * take their topics from here (the ArchUnit tests allow {@link NewTopic} nowhere else).
 */
public final class TopicCatalogue {

    /** The live topic and its replay twin, where one exists. */
    private static final List<String[]> MARKET = List.of(
            new String[] {Topics.MARKET_CRYPTO, Topics.MARKET_CRYPTO_REPLAY},
            new String[] {Topics.MARKET_QUOTES, Topics.MARKET_QUOTES_REPLAY},
            new String[] {Topics.MARKET_SOURCE_BARS, Topics.MARKET_SOURCE_BARS_REPLAY},
            new String[] {Topics.MARKET_FEATURES, Topics.MARKET_FEATURES_REPLAY},
            new String[] {Topics.MARKET_BARS, Topics.MARKET_BARS_REPLAY},
            new String[] {Topics.MARKET_ALERTS, Topics.MARKET_ALERTS_REPLAY},
            new String[] {Topics.MARKET_LABELS, Topics.MARKET_LABELS_REPLAY});

    /** The backtest control topics (commands and progress), keyed by run id. */
    private static final List<String> BACKTEST = List.of(Topics.BACKTEST_COMMANDS, Topics.BACKTEST_PROGRESS);

    /** Topics read by a consumer that sends what it cannot process to {@code <topic>.DLT}. */
    private static final List<String> CONSUMED = List.of(Topics.MARKET_CRYPTO, Topics.MARKET_CRYPTO_REPLAY,
            Topics.MARKET_QUOTES, Topics.MARKET_QUOTES_REPLAY, Topics.MARKET_SOURCE_BARS,
            Topics.MARKET_SOURCE_BARS_REPLAY, Topics.MARKET_FEATURES, Topics.MARKET_FEATURES_REPLAY, Topics.MARKET_BARS,
            Topics.MARKET_BARS_REPLAY, Topics.MARKET_ALERTS, Topics.MARKET_ALERTS_REPLAY, Topics.MARKET_LABELS_REPLAY,
            Topics.BACKTEST_COMMANDS, Topics.BACKTEST_PROGRESS);

    private static final List<TopicSpec> ALL = all();
    private static final Map<String, TopicSpec> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(TopicSpec::name, Function.identity()));

    private TopicCatalogue() {
    }

    private static List<TopicSpec> all() {
        List<TopicSpec> specs = new ArrayList<>();
        for (String[] topic : MARKET) {
            specs.add(TopicSpec.plain(topic[0]));
            if (topic.length > 1) {
                specs.add(new TopicSpec(topic[1], false, null, true, 0));
            }
        }
        BACKTEST.forEach(topic -> specs.add(TopicSpec.plain(topic)));
        CONSUMED.forEach(topic -> specs.add(TopicSpec.plain(Topics.deadLetter(topic))));
        specs.add(TopicSpec.lease(Topics.SOURCE_LEASE));
        return List.copyOf(specs);
    }

    /** Every topic, market topics first. */
    public static List<TopicSpec> specs() {
        return ALL;
    }

    /** The spec of a catalogued topic. */
    public static TopicSpec spec(String name) {
        TopicSpec spec = BY_NAME.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("not in the topic catalogue: " + name);
        }
        return spec;
    }

    /** Creation requests for the named (catalogued) topics. */
    public static List<NewTopic> newTopics(int partitions, short replicationFactor, Collection<String> names) {
        return names.stream().map(name -> spec(name).newTopic(partitions, replicationFactor)).toList();
    }

    /** Creation requests for every topic. */
    public static List<NewTopic> newTopics(int partitions, short replicationFactor) {
        return ALL.stream().map(spec -> spec.newTopic(partitions, replicationFactor)).toList();
    }

    /**
     * Creates every catalogued topic the cluster does not have yet; existing ones are left as they are.
     *
     * @return the names of the topics created
     */
    public static List<String> createMissing(Admin admin, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = newTopics(partitions, replicationFactor).stream()
                .filter(topic -> !existing.contains(topic.name())).toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
        }
        return missing.stream().map(NewTopic::name).toList();
    }
}
