package com.marketpulse.delivery.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.delivery.DeliveryProperties;
import com.marketpulse.delivery.push.Vapid;

/** Reads the VAPID key pair named by the settings; none configured turns Web Push off (said once in the log). */
final class VapidKeyFiles {

    private static final Logger log = LoggerFactory.getLogger(VapidKeyFiles.class);

    private VapidKeyFiles() {
    }

    /** The signer, or {@code null} when no key files are configured. */
    static Vapid read(DeliveryProperties.Push push) {
        if (push.vapidPrivateKeyFile().isBlank() || push.vapidPublicKeyFile().isBlank()) {
            log.warn("{}: Web Push channels fail until it is set", PushSender.NOT_CONFIGURED);
            return null;
        }
        // compose mounts the files from the key directory: one never generated there arrives as an empty directory,
        // which turns Web Push off (said here and in every WEBPUSH delivery's log) rather than stopping the service
        if (!Files.isRegularFile(Path.of(push.vapidPrivateKeyFile()))
                || !Files.isRegularFile(Path.of(push.vapidPublicKeyFile()))) {
            log.warn("{}: {} or {} is not a file; Web Push channels fail until the pair is there",
                    PushSender.NOT_CONFIGURED, push.vapidPrivateKeyFile(), push.vapidPublicKeyFile());
            return null;
        }
        try {
            Vapid vapid = new Vapid(PushKeys.privateKey(Files.readString(Path.of(push.vapidPrivateKeyFile()))),
                    PushKeys.publicKey(Files.readString(Path.of(push.vapidPublicKeyFile()))), push.subject(),
                    push.tokenValidity());
            // browsers subscribe with the public key the API serves: a private key of another pair would be refused
            // by every push service, so that is said at start, not per delivery
            if (!vapid.pairs()) {
                throw new IllegalStateException("the VAPID public key " + push.vapidPublicKeyFile()
                        + " is not the private key's (" + push.vapidPrivateKeyFile() + ")");
            }
            return vapid;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the VAPID key pair " + push.vapidPrivateKeyFile() + ", "
                    + push.vapidPublicKeyFile(), e);
        }
    }
}
