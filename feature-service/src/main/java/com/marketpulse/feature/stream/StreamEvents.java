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
        public void input(String stream, String kind, String outcome) {
        }

        @Override
        public void deadLetter(String topic, String stage, String reason) {
        }
    };

    /**
     * One input processed.
     *
     * @param stream  {@code live} or {@code replay}
     * @param kind    {@code trade}, {@code quote} or {@code bar} ({@code state} for a state reset)
     * @param outcome {@code step} (it made a grid step's features), {@code within_step} (taken in, no new step),
     *                {@code duplicate}, {@code late} (too old to move the price) or {@code state_reset} (a stored
     *                state could not be read and was started afresh)
     */
    void input(String stream, String kind, String outcome);

    /**
     * One record sent to a dead-letter topic.
     *
     * @param topic the topic it came from
     * @param stage  {@code deserialization} or {@code processing}
     * @param reason why (see {@link RejectedInput}); {@code failed} for a processing failure
     */
    void deadLetter(String topic, String stage, String reason);

    static StreamEvents from(java.util.Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof StreamEvents events ? events : NONE;
    }
}
