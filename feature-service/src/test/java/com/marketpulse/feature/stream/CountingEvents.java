package com.marketpulse.feature.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the topology reports, by "stream:kind:outcome" and "DLT:topic:stage". */
final class CountingEvents implements StreamEvents {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void input(String stream, String kind, String outcome) {
        counts.computeIfAbsent(stream + ":" + kind + ":" + outcome, k -> new LongAdder()).increment();
    }

    @Override
    public void deadLetter(String topic, String stage) {
        counts.computeIfAbsent("DLT:" + topic + ":" + stage, k -> new LongAdder()).increment();
    }

    long count(String key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }
}
