package com.marketpulse.feature.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the topology reports, by "stream:kind:outcome", "DLT:topic:stage" and "DLT:topic:stage:reason". */
final class CountingEvents implements StreamEvents {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void input(String stream, String kind, String outcome) {
        counts.computeIfAbsent(stream + ":" + kind + ":" + outcome, k -> new LongAdder()).increment();
    }

    @Override
    public void deadLetter(String topic, String stage, String reason) {
        counts.computeIfAbsent("DLT:" + topic + ":" + stage, k -> new LongAdder()).increment();
        counts.computeIfAbsent("DLT:" + topic + ":" + stage + ":" + reason, k -> new LongAdder()).increment();
    }

    long count(String key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }
}
