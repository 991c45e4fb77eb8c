package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.marketpulse.alerting.seal.PushKeys;

/** The local stack's VAPID pair: generated under the data directory once, then the same at every start. */
class VapidKeyFilesTest {

    @TempDir
    Path data;

    @Test
    void isGeneratedUnderTheDataDirectoryOnceAndKeptAcrossStarts() throws Exception {
        VapidKeyFiles first = VapidKeyFiles.under(data);
        String publicKey = Files.readString(first.publicKey());

        VapidKeyFiles again = VapidKeyFiles.under(data);

        assertThat(first.privateKey()).isEqualTo(data.resolve("delivery").resolve("vapid-private-key.pem"));
        assertThat(Files.readString(again.publicKey())).isEqualTo(publicKey);
        assertThat(PushKeys.base64Url(PushKeys.publicKey(publicKey))).hasSize(87);
        assertThat(PushKeys.privateKey(Files.readString(again.privateKey())).getS()).isPositive();
    }
}
