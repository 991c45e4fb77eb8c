package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class TargetGuardTest {

    /** A DNS that answers {@code address} for every name: the check is on what a name resolves to. */
    private static TargetGuard resolvingTo(String address, boolean allowLoopback) {
        return new TargetGuard(allowLoopback, host -> new InetAddress[] {InetAddress.getByName(address)});
    }

    /** Why the guard refuses {@code host}, or {@code null} when it lets the send go on (to fail and retry, if unknown). */
    private static String refusal(TargetGuard guard, String host) {
        try {
            guard.vetted(host);
            return null;
        } catch (RefusedTargetException e) {
            return e.reason();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Test
    void aNameResolvingToAnInternalAddressIsRefused() {
        for (String internal : new String[] {"127.0.0.1", "::1", "10.1.2.3", "172.16.0.9", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "0.0.0.0", "fd00::1", "fe80::1", "224.0.0.1"}) {
            assertThat(refusal(resolvingTo(internal, false), "hooks.example.com")).as(internal)
                    .contains("hooks.example.com resolves to");
        }
    }

    @Test
    void loopbackOnlyByTheExplicitSettingAndPrivateNeverByIt() {
        assertThat(refusal(resolvingTo("127.0.0.1", true), "localhost")).isNull();
        assertThat(refusal(resolvingTo("10.0.0.1", true), "internal")).contains("private");
    }

    @Test
    void aPublicAddressIsAllowedAndOneInternalAmongSeveralRefusesTheName() {
        assertThat(refusal(resolvingTo("93.184.215.14", false), "example.com")).isNull();
        TargetGuard mixed = new TargetGuard(false, host -> new InetAddress[] {
                InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7")});
        assertThat(refusal(mixed, "rebinding.example")).contains("10.0.0.7");
    }

    @Test
    void aNameThatDoesNotResolveIsLeftToTheSendToFailAndRetry() {
        TargetGuard noDns = new TargetGuard(false, host -> {
            throw new UnknownHostException(host);
        });
        assertThat(refusal(noDns, "gone.example")).isNull();
    }
}
