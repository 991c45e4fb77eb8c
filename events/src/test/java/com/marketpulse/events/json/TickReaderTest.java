package com.marketpulse.events.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketpulse.events.Tick;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The fast path of {@link EventJson#read} for ticks reads what the mapper reads, and leaves every doubtful input to the
 * mapper, so a tick is accepted or refused exactly as before.
 */
class TickReaderTest {

    private static final String TICK = """
            {"eventId":"alpaca:BTC/USD:1","symbol":"BTC/USD","eventTime":"2026-12-01T10:00:00.123456789Z",\
            "price":97000.5,"size":0.01,"tradeId":"1","takerSide":"B","source":"alpaca","venue":"us","runId":null}""";

    @Property
    void readsEveryTickAsTheMapperDoes(@ForAll("ticks") Tick tick) {
        byte[] json = EventJson.write(tick);

        assertThat(TickReader.readOrNull(EventJson.mapper(), json))
                .isEqualTo(EventJson.mapper().readValue(json, Tick.class))
                .isEqualTo(tick);
    }

    @Provide
    Arbitrary<Tick> ticks() {
        return EventArbitraries.records(Tick.class);
    }

    @Test
    void skipsPropertiesItDoesNotKnowAsTheMapperDoes() {
        String newer = TICK.replace("\"size\"", "\"exchange\":{\"id\":[1,2]},\"size\"");

        assertThat(TickReader.readOrNull(EventJson.mapper(), bytes(newer)))
                .isEqualTo(EventJson.mapper().readValue(bytes(TICK), Tick.class));
    }

    @Test
    void leavesDoubtfulTicksToTheMapperWhichRefusesThemAsBefore() {
        for (String doubtful : new String[] {
                TICK.replace("\"price\":97000.5,", ""),
                TICK.replace("97000.5", "\"97000.5\""),
                TICK.replace("97000.5", "null"),
                TICK.replace("\"2026-12-01T10:00:00.123456789Z\"", "1764583200"),
                TICK.replace("97000.5", "-1"),
                TICK + "{}",
                "[]"}) {
            assertThat(TickReader.readOrNull(EventJson.mapper(), bytes(doubtful))).as(doubtful).isNull();
        }
        assertThatThrownBy(() -> EventJson.read(bytes(TICK.replace("97000.5", "-1")), Tick.class))
                .isInstanceOf(SerializationException.class).hasMessageContaining("price must be a positive");
        assertThatThrownBy(() -> EventJson.read(bytes(TICK.replace("\"price\":97000.5,", "")), Tick.class))
                .isInstanceOf(SerializationException.class);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
