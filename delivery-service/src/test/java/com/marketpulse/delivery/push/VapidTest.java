package com.marketpulse.delivery.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.delivery.support.VapidCheck;

/** The VAPID header a push service checks (RFC 8292), verified with the public key only. */
class VapidTest {

    private final KeyPair pair = PushKeys.newPair();
    private final Vapid vapid = new Vapid((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic(),
            "mailto:ops@example.com", Duration.ofHours(12));

    @Test
    void signsATokenForTheEndpointsOriginThatThePublicKeyVerifies() throws Exception {
        Instant now = Instant.parse("2026-12-04T05:00:00Z");

        String header = vapid.authorization(URI.create("https://push.example.net:8443/wpush/v2/abc?x=1"), now);

        VapidCheck.Claims claims = VapidCheck.verify(header, PushKeys.base64Url((ECPublicKey) pair.getPublic()));
        assertThat(claims.aud()).isEqualTo("https://push.example.net:8443");
        assertThat(claims.sub()).isEqualTo("mailto:ops@example.com");
        assertThat(claims.exp()).isEqualTo(now.plus(Duration.ofHours(12)).getEpochSecond());
    }

    @Test
    void anotherKeyDoesNotVerifyIt() {
        String header = vapid.authorization(URI.create("https://push.example.net/x"), Instant.now());

        assertThatThrownBy(() -> VapidCheck.verify(header.replaceFirst("k=.*",
                "k=" + PushKeys.base64Url((ECPublicKey) PushKeys.newPair().getPublic())), null))
                .hasMessageContaining("signature");
    }

    @Test
    void theOriginLeavesOutADefaultPort() {
        assertThat(Vapid.origin(URI.create("https://Push.Example.net:443/a"))).isEqualTo("https://push.example.net");
        assertThat(Vapid.origin(URI.create("http://127.0.0.1:5000/a"))).isEqualTo("http://127.0.0.1:5000");
    }

    @Test
    void aTokenLongerThanADayOrWithoutAContactIsRefused() {
        assertThatThrownBy(() -> new Vapid(vapid.privateKey(), vapid.publicKey(), "mailto:a@b.c", Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vapid(vapid.privateKey(), vapid.publicKey(), "ops", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
