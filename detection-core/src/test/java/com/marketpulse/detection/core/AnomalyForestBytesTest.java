package com.marketpulse.detection.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnomalyForestBytesTest {

    @Test
    void theServicesOwnModelAndOneOfATenfoldSizeAreRead() {
        for (int trees : new int[] {100, 1_000}) {
            var model = DetectorModel.bootstrap("x", 512, 7, new AnomalyForest.Options(trees, 0.5, 0), Instant.EPOCH);

            AnomalyForest read = AnomalyForest.fromBytes(model.forest().toBytes());

            assertThat(read.trees()).isEqualTo(trees);
            double[] point = NormalMarket.sample(2, 3)[0];
            assertThat(read.score(point)).isEqualTo(model.forest().score(point));
        }
    }

    @Test
    void aStreamWithAHugeArrayIsRefusedBeforeItIsAllocated() throws IOException {
        // 40 MB of doubles: an allowed type, but no forest holds such an array
        byte[] crafted = serialize(new double[5_000_000]);

        assertThatThrownBy(() -> AnomalyForest.fromBytes(crafted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused by the deserialization filter");
    }

    @Test
    void aForestNestedFarDeeperThanARealOneIsRefused() {
        // exponentially spaced points make each split cut off one point: trees ~100 levels deep (a real one: 12)
        double[][] chain = new double[300][ForestInput.DIMENSION];
        for (int i = 0; i < chain.length; i++) {
            Arrays.fill(chain[i], Math.pow(2, i));
        }
        byte[] deep = AnomalyForest.fit(chain, new AnomalyForest.Options(10, 0.99, 1_000), 1).toBytes();

        assertThatThrownBy(() -> AnomalyForest.fromBytes(deep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused by the deserialization filter");
    }

    @Test
    void moreObjectsThanAnyRealForestAreRefused() {
        // trees grown on 60,000 rows with no height limit: ~2 million objects (a real forest: 49,000)
        double[][] rows = NormalMarket.sample(60_000, 5);
        byte[] huge = AnomalyForest.fit(rows, new AnomalyForest.Options(10, 0.99, 1_000), 1).toBytes();

        assertThatThrownBy(() -> AnomalyForest.fromBytes(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused by the deserialization filter");
    }

    private static byte[] serialize(Object value) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
