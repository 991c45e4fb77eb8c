package com.marketpulse.feature.stream;

/**
 * What the topology reports for counting (the Spring side turns it into Micrometer counters). Handed to the
 * exception handlers, which Kafka Streams instantiates itself, through the streams configuration under
 * {@link #CONFIG}.
 */
public interface StreamEvents {

    /** Key of the streams configuration entry that carries the instance. */
    String CONFIG = "marketpulse.stream.events";

    StreamEvents NONE = new StreamEvents() {
        @Override
        public void tick(String stream, String outcome) {
        }

        @Override
        public void deadLetter(String topic, String stage) {
        }
    };

    /**
     * One tick processed.
     *
     * @param stream  {@code live} or {@code replay}
     * @param outcome {@code accepted}, {@code duplicate}, {@code out_of_order} or {@code state_reset}
     */
    void tick(String stream, String outcome);

    /**
     * One record sent to a dead-letter topic.
     *
     * @param topic the topic it came from
     * @param stage {@code deserialization} or {@code processing}
     */
    void deadLetter(String topic, String stage);

    static StreamEvents from(java.util.Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof StreamEvents events ? events : NONE;
    }
}
