package com.marketpulse.events.json;

import com.marketpulse.events.Tick;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON format of MarketPulse events (Jackson 3): {@code java.time} values as ISO-8601 strings with their
 * nanoseconds kept, no type information, unknown properties ignored (so a producer may add a field before its
 * consumers know it), a missing or null primitive refused. Every service, test and tool that reads or writes an
 * event uses {@link #mapper()}; the ArchUnit tests keep other mappers out of the services.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventJson() {
    }

    /** The mapper (immutable, thread-safe). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The JSON bytes of {@code value}, {@code null} for {@code null}. */
    public static byte[] write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write a " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a {@code type} from JSON bytes; what is not one (bad bytes, a tombstone, a record's own checks failing)
     * is a Kafka {@link SerializationException}, which the services' error handlers send to the dead-letter topic.
     */
    public static <T> T read(byte[] bytes, Class<T> type) {
        if (bytes == null) {
            throw new SerializationException("no value (a tombstone) where a " + type.getSimpleName() + " was expected");
        }
        if (type == Tick.class) {
            Tick tick = TickReader.readOrNull(MAPPER, bytes);
            if (tick != null) {
                return type.cast(tick);
            }
        }
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new SerializationException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
