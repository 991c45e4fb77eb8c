package com.marketpulse.alerting.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VAPID key files and the point form browsers use. */
class PushKeysTest {

    @TempDir
    Path directory;

    @Test
    void aGeneratedPairIsWrittenOnceOwnerOnlyAndItsHalvesMatch() throws Exception {
        Path privateFile = directory.resolve("vapid-private-key.pem");
        Path publicFile = directory.resolve("vapid-public-key.pem");

        PushKeys.generateIfAbsent(privateFile, publicFile);
        String first = Files.readString(publicFile);
        PushKeys.generateIfAbsent(privateFile, publicFile);

        assertThat(Files.readString(publicFile)).as("kept across restarts").isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(PushKeys.privateKey(Files.readString(privateFile)));
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(PushKeys.publicKey(first));
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void aPublicKeyRoundTripsThroughTheBrowsersPointForm() {
        var key = (java.security.interfaces.ECPublicKey) PushKeys.newPair().getPublic();

        String text = PushKeys.base64Url(key);

        assertThat(text).hasSize(87).doesNotContain("=");
        assertThat(PushKeys.fromUncompressed(Base64.getUrlDecoder().decode(text)).getW()).isEqualTo(key.getW());
    }

    @Test
    void anRsaKeyIsNotAVapidKey() {
        String rsa = DeliveryKeys.pem("PUBLIC KEY", DeliveryKeys.newPair().getPublic().getEncoded());

        assertThatThrownBy(() -> PushKeys.publicKey(rsa)).isInstanceOf(IllegalArgumentException.class);
    }
}
