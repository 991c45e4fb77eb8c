package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.delivery.DeliveryProperties;

/** delivery-service's VAPID pair at start: off when absent (never a crash), refused when its halves differ. */
class VapidKeyFilesTest {

    @TempDir
    Path keys;

    private static DeliveryProperties.Push push(Path privateFile, Path publicFile) {
        return new DeliveryProperties.Push(privateFile.toString(), publicFile.toString(), "mailto:ops@example.com",
                Duration.ofHours(1), Duration.ofHours(12), "http://localhost:8080/");
    }

    @Test
    void aPairThatIsNotThereTurnsWebPushOffInsteadOfStoppingTheService() throws Exception {
        // what compose mounts for a file never generated in the key directory: an empty directory
        Path missing = Files.createDirectory(keys.resolve("vapid-private-key.pem"));

        assertThat(VapidKeyFiles.read(push(missing, keys.resolve("vapid-public-key.pem")))).isNull();
        assertThat(VapidKeyFiles.read(new DeliveryProperties.Push("", "", "mailto:ops@example.com",
                Duration.ofHours(1), Duration.ofHours(12), "http://localhost:8080/"))).isNull();
    }

    @Test
    void readsAPairAndRefusesHalvesOfTwoPairs() throws Exception {
        PushKeys.generateIfAbsent(keys.resolve("a-private.pem"), keys.resolve("a-public.pem"));
        PushKeys.generateIfAbsent(keys.resolve("b-private.pem"), keys.resolve("b-public.pem"));

        assertThat(VapidKeyFiles.read(push(keys.resolve("a-private.pem"), keys.resolve("a-public.pem"))).pairs())
                .isTrue();
        assertThatThrownBy(() -> VapidKeyFiles.read(push(keys.resolve("a-private.pem"), keys.resolve("b-public.pem"))))
                .hasMessageContaining("is not the private key's");
    }
}
