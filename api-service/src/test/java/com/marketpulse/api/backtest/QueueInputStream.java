package com.marketpulse.api.backtest;

import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A request body the test writes while the client sends it: chunks handed over a queue (unlike a piped stream, it
 * does not mind which of the HTTP client's threads reads it). An empty chunk ends it.
 */
final class QueueInputStream extends InputStream {

    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>(64);
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    void write(byte[] chunk) throws InterruptedException {
        if (chunk.length > 0) {
            chunks.put(chunk);
        }
    }

    void end() throws InterruptedException {
        chunks.put(new byte[0]);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            position = 0;
            ended = current.length == 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
