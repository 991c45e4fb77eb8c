package com.marketpulse.events.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.Alert;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Bar;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event record survives the wire: serialize → deserialize gives an equal record, fields a newer producer adds
 * are ignored, and every timestamp keeps its nanoseconds as an ISO-8601 string. The records come from their record
 * components ({@link EventArbitraries}), so a field added to a record is covered without touching this test.
 */
class EventRoundTripTest {

    @Property
    void tickRoundTrips(@ForAll("ticks") Tick event) {
        assertTravels(event, EventSerdes.tick());
    }

    @Property
    void quoteRoundTrips(@ForAll("quotes") Quote event) {
        assertTravels(event, EventSerdes.quote());
    }

    @Property
    void sourceBarRoundTrips(@ForAll("sourceBars") SourceBar event) {
        assertTravels(event, EventSerdes.sourceBar());
    }

    @Property
    void barRoundTrips(@ForAll("bars") Bar event) {
        assertTravels(event, EventSerdes.bar());
    }

    @Property
    void marketFeaturesRoundTrip(@ForAll("marketFeatures") MarketFeatures event) {
        assertTravels(event, EventSerdes.marketFeatures());
    }

    @Property
    void alertRoundTrips(@ForAll("alerts") Alert event) {
        assertTravels(event, EventSerdes.alert());
    }

    @Property
    void anomalyLabelRoundTrips(@ForAll("anomalyLabels") AnomalyLabel event) {
        assertTravels(event, EventSerdes.anomalyLabel());
    }

    @Provide Arbitrary<Tick> ticks() { return EventArbitraries.records(Tick.class); }
    @Provide Arbitrary<Quote> quotes() { return EventArbitraries.records(Quote.class); }
    @Provide Arbitrary<SourceBar> sourceBars() { return EventArbitraries.records(SourceBar.class); }
    @Provide Arbitrary<Bar> bars() { return EventArbitraries.records(Bar.class); }
    @Provide Arbitrary<MarketFeatures> marketFeatures() { return EventArbitraries.records(MarketFeatures.class); }
    @Provide Arbitrary<Alert> alerts() { return EventArbitraries.records(Alert.class); }
    @Provide Arbitrary<AnomalyLabel> anomalyLabels() { return EventArbitraries.records(AnomalyLabel.class); }

    private static <T extends Record> void assertTravels(T event, JsonSerde<T> serde) {
        byte[] bytes = serde.serializer().serialize("market.any", event);

        assertThat(serde.deserializer().deserialize("market.any", bytes)).as("round trip").isEqualTo(event);

        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(bytes);
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getType() == Instant.class && value(component, event) instanceof Instant instant) {
                assertThat(json.get(component.getName()).isString()).as(component.getName() + " is a string").isTrue();
                assertThat(json.get(component.getName()).asString()).as(component.getName() + " keeps its nanoseconds")
                        .isEqualTo(instant.toString());
            }
        }

        json.put("aFieldFromANewerProducer", "x");
        json.set("anotherOne", EventJson.mapper().readTree("{\"nested\":[1,2,{\"deep\":true}]}"));
        byte[] withUnknownFields = EventJson.mapper().writeValueAsBytes((JsonNode) json);
        assertThat(serde.deserializer().deserialize("market.any", withUnknownFields)).as("unknown fields ignored")
                .isEqualTo(event);
    }

    private static Object value(RecordComponent component, Record event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
