package com.marketpulse.stack;

import java.io.IOException;
import java.nio.file.Path;

import com.marketpulse.alerting.seal.PushKeys;

/**
 * delivery-service's VAPID key pair (P-256) for the local stack, generated once under {@code <data>/delivery/} (the
 * private file owner-only): delivery-service signs Web Push requests with the private key, the API serves the public
 * one to browsers. Kept across restarts: browsers' subscriptions are bound to it.
 */
record VapidKeyFiles(Path privateKey, Path publicKey) {

    static VapidKeyFiles under(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.resolve("delivery");
        var files = new VapidKeyFiles(directory.resolve("vapid-private-key.pem"),
                directory.resolve("vapid-public-key.pem"));
        PushKeys.generateIfAbsent(files.privateKey(), files.publicKey());
        return files;
    }
}
