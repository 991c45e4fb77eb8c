package com.marketpulse.stack;

import java.io.IOException;
import java.nio.file.Path;

import com.marketpulse.alerting.seal.DeliveryKeys;

/**
 * delivery-service's RSA key pair for the local stack, generated once under {@code <data>/delivery/} (the private
 * file owner-only): the API seals channel secrets with the public key, delivery-service opens them with the private
 * one. Kept across restarts, as the sealed secrets in the database are.
 */
record DeliveryKeyFiles(Path privateKey, Path publicKey) {

    static DeliveryKeyFiles under(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.resolve("delivery");
        var files = new DeliveryKeyFiles(directory.resolve("private-key.pem"), directory.resolve("public-key.pem"));
        DeliveryKeys.generateIfAbsent(files.privateKey(), files.publicKey());
        return files;
    }
}
