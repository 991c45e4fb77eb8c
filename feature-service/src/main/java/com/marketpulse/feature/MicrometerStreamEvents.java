package com.marketpulse.feature;

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

    MicrometerStreamEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void input(String stream, String kind, String outcome) {
        registry.counter("marketpulse.feature.inputs", "stream", stream, "kind", kind, "outcome", outcome).increment();
    }

    @Override
    public void deadLetter(String topic, String stage, String reason) {
        registry.counter("marketpulse.feature.dead.letters", "topic", topic, "stage", stage, "reason", reason)
                .increment();
    }
}
