package com.marketpulse.events.json;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer of one event type as {@link EventJson}. Either constructed with its type, or named in a
 * client's configuration (e.g. as the delegate of Spring Kafka's {@code ErrorHandlingDeserializer}) with the type in
 * {@value #VALUE_TYPE} (a Spring Kafka listener sets it in its {@code properties}). Bytes that are not the type
 * throw a {@link org.apache.kafka.common.errors.SerializationException}.
 */
public final class EventJsonDeserializer<T> implements Deserializer<T> {

    /** Consumer property naming the class a value is read as, when the deserializer is configured by name. */
    public static final String VALUE_TYPE = "marketpulse.json.value.type";

    private Class<T> type;

    public EventJsonDeserializer() {
    }

    public EventJsonDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (type != null) {
            return;
        }
        Object configured = configs.get(VALUE_TYPE);
        if (configured instanceof Class<?> cls) {
            type = (Class<T>) cls;
        } else if (configured instanceof String name && !name.isBlank()) {
            try {
                type = (Class<T>) Class.forName(name.trim(), false, EventJsonDeserializer.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ConfigException(VALUE_TYPE, name, "no such class");
            }
        } else {
            throw new ConfigException(VALUE_TYPE, configured, "name the class to read values as");
        }
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (type == null) {
            throw new IllegalStateException("not configured: set " + VALUE_TYPE + " or construct with a type");
        }
        return EventJson.read(bytes, type);
    }
}
