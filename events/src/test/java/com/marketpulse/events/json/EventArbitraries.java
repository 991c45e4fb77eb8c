package com.marketpulse.events.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Any event record, built through its canonical constructor from one arbitrary per record component type. A record
 * that gains a component needs no change here (unless the component has a type not yet listed in {@link #of}); values
 * the record's own checks refuse are filtered out, so what is generated is what a producer could send.
 */
final class EventArbitraries {

    private EventArbitraries() {
    }

    static <R extends Record> Arbitrary<R> records(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<R> constructor = canonical(type, components);
        List<Arbitrary<Object>> parts = Arrays.stream(components).map(c -> of(c.getType())).toList();
        return Combinators.combine(parts).as(values -> construct(constructor, values))
                .filter(Optional::isPresent).map(Optional::get);
    }

    /** Values of one component type: nulls for references, nanosecond instants, extremes for numbers. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Arbitrary<Object> of(Class<?> type) {
        Arbitrary<?> values;
        if (type == String.class) {
            values = Arbitraries.strings().withCharRange(' ', '~').withChars("/€σ→é\t\n\"\\").ofMaxLength(24)
                    .injectNull(0.05);
        } else if (type == Instant.class) {
            values = Combinators.combine(Arbitraries.longs().between(0, 4_102_444_800L),
                    Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond).injectNull(0.05);
        } else if (type == double.class) {
            // mostly positive, as prices and sizes are; the rest signed, zero and extreme
            values = Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.doubles().between(1e-9, 1e9).ofScale(12)),
                    Tuple.of(2, Arbitraries.doubles()),
                    Tuple.of(1, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE,
                            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
        } else if (type == int.class) {
            values = Arbitraries.integers();
        } else if (type == long.class) {
            values = Arbitraries.longs();
        } else if (type == boolean.class) {
            values = Arbitraries.of(true, false);
        } else if (type.isEnum()) {
            values = Arbitraries.of((Class<Enum>) type).injectNull(0.05);
        } else {
            throw new IllegalArgumentException("no arbitrary for a record component of type " + type.getName()
                    + ": add one line to EventArbitraries.of");
        }
        return (Arbitrary<Object>) values;
    }

    private static <R extends Record> Constructor<R> canonical(Class<R> type, RecordComponent[] components) {
        try {
            return type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <R> Optional<R> construct(Constructor<R> constructor, List<Object> values) {
        try {
            return Optional.of(constructor.newInstance(values.toArray()));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException) {
                return Optional.empty();
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
