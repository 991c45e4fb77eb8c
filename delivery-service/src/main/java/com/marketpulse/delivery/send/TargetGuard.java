package com.marketpulse.delivery.send;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Refuses webhook and push targets inside our network: a host is resolved when a connection to it is opened and every
 * address it resolves to must be public, so a URL that was fine when saved cannot later be pointed (by DNS) at
 * loopback, a private range, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast or
 * unspecified addresses. {@link #vetted} is the HTTP client's only DNS ({@link HttpAttempts}): the answer checked is
 * the answer connected to, so a DNS that answers differently to a second lookup (rebinding) gets no second lookup.
 * Loopback is allowed only when {@code allowLoopback} is set (tests and the local stack).
 */
final class TargetGuard {

    private final boolean allowLoopback;
    private final Resolver resolver;

    /** DNS, replaceable in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    TargetGuard(boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    TargetGuard(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /**
     * The addresses {@code host} resolves to, asking the DNS once, when every one of them is allowed.
     *
     * @throws RefusedTargetException when any of them is inside our network
     * @throws UnknownHostException   when the host does not resolve (a connection failure, retried)
     */
    InetAddress[] vetted(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host); // never "no answer": the client would then resolve it itself
        }
        for (InetAddress address : List.of(addresses)) {
            String why = internal(address);
            if (why != null) {
                throw new RefusedTargetException(host + " resolves to " + address.getHostAddress() + " (" + why + ")");
            }
        }
        return addresses;
    }

    private String internal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "loopback";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "not a host address";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240) {
                return "reserved or carrier-grade NAT";
            }
        }
        if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return "private (unique local)";
        }
        return null;
    }
}
