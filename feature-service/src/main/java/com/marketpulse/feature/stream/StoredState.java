package com.marketpulse.feature.stream;

import com.marketpulse.feature.grid.MarketState;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A store value: the wall-clock time the state was last updated (8 bytes, for the expiry of backtest state),
 * then the bytes of {@link com.marketpulse.feature.grid.MarketState#toBytes()}.
 */
final class StoredState {

    private static final int HEADER = Long.BYTES;

    private StoredState() {
    }

    static byte[] frame(long updatedMillis, byte[] state) {
        return ByteBuffer.allocate(HEADER + state.length).putLong(updatedMillis).put(state).array();
    }

    /** The same bytes as {@code frame(updatedMillis, state.toBytes())}, written once instead of serialized and copied. */
    static byte[] frame(long updatedMillis, MarketState state) {
        ByteBuffer out = ByteBuffer.allocate(HEADER + state.serializedSize()).putLong(updatedMillis);
        state.writeTo(out);
        return out.array();
    }

    static long updatedMillis(byte[] stored) {
        return ByteBuffer.wrap(stored).getLong();
    }

    static byte[] state(byte[] stored) {
        return Arrays.copyOfRange(stored, HEADER, stored.length);
    }
}
