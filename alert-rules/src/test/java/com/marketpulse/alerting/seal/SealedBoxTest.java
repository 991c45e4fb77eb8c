package com.marketpulse.alerting.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedBoxTest {

    private static final KeyPair DELIVERY = DeliveryKeys.newPair();

    @Test
    void onlyThePrivateKeyOpensWhatThePublicKeySealed() {
        byte[] box = SealedBox.seal("whsec_s3cret", DELIVERY.getPublic());

        assertThat(new String(box, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
        assertThat(SealedBox.open(box, DELIVERY.getPrivate())).isEqualTo("whsec_s3cret");
        assertThatThrownBy(() -> SealedBox.open(box, DeliveryKeys.newPair().getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangedBoxIsRefused() {
        byte[] box = SealedBox.seal("whsec_s3cret", DELIVERY.getPublic());
        box[box.length - 1] ^= 1;

        assertThatThrownBy(() -> SealedBox.open(box, DELIVERY.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedKeyFilesRoundTripAndThePrivateOneIsOwnerOnly(@TempDir Path dir) throws Exception {
        Path privateFile = dir.resolve("delivery/private.pem");
        Path publicFile = dir.resolve("delivery/public.pem");
        DeliveryKeys.generateIfAbsent(privateFile, publicFile);
        String before = Files.readString(privateFile);
        DeliveryKeys.generateIfAbsent(privateFile, publicFile);

        assertThat(Files.readString(privateFile)).as("an existing pair is kept").isEqualTo(before);
        assertThat(Files.getPosixFilePermissions(privateFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        byte[] box = SealedBox.seal("t", DeliveryKeys.publicKey(Files.readString(publicFile)));
        assertThat(SealedBox.open(box, DeliveryKeys.privateKey(before))).isEqualTo("t");
    }
}
