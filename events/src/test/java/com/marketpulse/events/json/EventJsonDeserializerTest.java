package com.marketpulse.events.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketpulse.events.Tick;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventJsonDeserializerTest {

    private static final Tick TICK = new Tick("simulator:1", "BTC/USD", Instant.parse("2026-01-02T03:04:05.123456789Z"),
            100.5, 0.25, "1", "B", "simulator", "simulator", null);

    @Test
    void configuredByNameReadsTheNamedType() {
        var deserializer = new EventJsonDeserializer<Tick>();
        deserializer.configure(Map.of(EventJsonDeserializer.VALUE_TYPE, Tick.class.getName()), false);

        assertThat(deserializer.deserialize("market.crypto", EventJson.write(TICK))).isEqualTo(TICK);
    }

    @Test
    void badBytesATombstoneAndARefusedRecordAreSerializationExceptions() {
        var deserializer = EventSerdes.tick().deserializer();

        assertThatThrownBy(() -> deserializer.deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> deserializer.deserialize("t", null)).isInstanceOf(SerializationException.class);
        String negativePrice = new String(EventJson.write(TICK), StandardCharsets.UTF_8).replace("100.5", "-1");
        assertThatThrownBy(() -> deserializer.deserialize("t", negativePrice.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        String nullSize = new String(EventJson.write(TICK), StandardCharsets.UTF_8).replace("0.25", "null");
        assertThatThrownBy(() -> deserializer.deserialize("t", nullSize.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }
}
