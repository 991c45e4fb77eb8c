package com.marketpulse.feature;

import io.micrometer.core.instrument.Counter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.marketpulse.feature.stream.StreamEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters {@code marketpulse.feature.inputs{stream,kind,outcome}} and {@code marketpulse.feature.dead.letters{topic,stage,reason}}
 * (on /actuator/prometheus and /actuator/metrics).
 */
@Component
class MicrometerStreamEvents implements StreamEvents {

    private final MeterRegistry registry;
    /** Every input is counted: looking the counter up by its tags each time cost more than applying a trade. */
    private final Map<String, Counter> inputs = new ConcurrentHashMap<>();

    MicrometerStreamEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void input(String stream, String kind, String outcome) {
        inputs.computeIfAbsent(stream + '|' + kind + '|' + outcome, key -> registry.counter(
                "marketpulse.feature.inputs", "stream", stream, "kind", kind, "outcome", outcome)).increment();
    }

    @Override
    public void deadLetter(String topic, String stage, String reason) {
        registry.counter("marketpulse.feature.dead.letters", "topic", topic, "stage", stage, "reason", reason)
                .increment();
    }
}
