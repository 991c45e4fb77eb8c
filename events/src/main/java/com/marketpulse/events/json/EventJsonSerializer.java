package com.marketpulse.events.json;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer of any event (or value) as {@link EventJson}. Public with a no-argument constructor, so it can
 * be named in a client's configuration ({@code value.serializer}).
 */
public final class EventJsonSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T value) {
        return EventJson.write(value);
    }
}
