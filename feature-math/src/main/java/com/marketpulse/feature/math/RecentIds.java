package com.marketpulse.feature.math;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * 64-bit fingerprints of the last {@value #CAPACITY} accepted event ids, to recognise a redelivered tick.
 *
 * <p>Why so few suffice: accepted ticks come in event-time order, so a redelivered tick is either older than
 * the newest accepted one (already refused as out of order; the fingerprints only tell the two cases apart
 * for the counters) or has the same event time as it; {@value #CAPACITY} trades of one symbol in the same
 * nanosecond do not happen. The lookup is a bounded scan of {@value #CAPACITY} longs. Two different ids
 * share a fingerprint with probability about 2<sup>-64</sup> per pair.
 */
public final class RecentIds {

    static final int CAPACITY = 64;

    private final long[] fingerprints = new long[CAPACITY];
    private int size;
    private int next;

    public boolean contains(String eventId) {
        long fingerprint = fingerprint(eventId);
        for (int i = 0; i < size; i++) {
            if (fingerprints[i] == fingerprint) {
                return true;
            }
        }
        return false;
    }

    public void add(String eventId) {
        fingerprints[next] = fingerprint(eventId);
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    /** FNV-1a over the UTF-8 bytes, finished with MurmurHash3's 64-bit mixer. */
    static long fingerprint(String eventId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : eventId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }

    public int serializedSize() {
        return 4 + 4 + 8 * size;
    }

    public void writeTo(ByteBuffer out) {
        out.putInt(size).putInt(next);
        out.asLongBuffer().put(fingerprints, 0, size);
        out.position(out.position() + 8 * size);
    }

    public static RecentIds readFrom(ByteBuffer in) {
        RecentIds ids = new RecentIds();
        ids.size = in.getInt();
        ids.next = in.getInt();
        in.asLongBuffer().get(ids.fingerprints, 0, ids.size);
        in.position(in.position() + 8 * ids.size);
        return ids;
    }
}
