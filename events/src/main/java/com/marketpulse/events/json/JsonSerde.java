package com.marketpulse.events.json;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serializer and deserializer of one event type in the {@link EventJson} format: the serde Kafka Streams uses. */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final EventJsonSerializer<T> serializer = new EventJsonSerializer<>();
    private final EventJsonDeserializer<T> deserializer;

    public JsonSerde(Class<T> type) {
        this.type = type;
        this.deserializer = new EventJsonDeserializer<>(type);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
