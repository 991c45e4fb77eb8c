package com.marketpulse.feature.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON on the wire with Jackson 3: java.time values as ISO-8601 strings, no type information. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {
    }

    static <T> Serde<T> serde(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> read(bytes, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static <T> T read(byte[] bytes, Class<T> type) {
        if (bytes == null) {
            throw new SerializationException("no value (a tombstone) where a " + type.getSimpleName() + " was expected");
        }
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new SerializationException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
