package com.marketpulse.alerting.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * P-256 keys of Web Push: the VAPID pair (RFC 8292) as PEM files ({@code PRIVATE KEY} PKCS#8 for delivery-service,
 * {@code PUBLIC KEY} X.509 for it and the API, which serves it to browsers), and public keys in the uncompressed
 * point form (65 bytes, {@code 0x04 || x || y}) that browsers use for {@code applicationServerKey} and a
 * subscription's {@code p256dh}. {@link #generateIfAbsent} writes a new pair, as the local stack does.
 */
public final class PushKeys {

    /** An uncompressed P-256 point: 0x04, then x and y of 32 bytes each. */
    public static final int POINT_LENGTH = 65;
    public static final ECParameterSpec P256 = p256();

    private PushKeys() {
    }

    public static KeyPair newPair() {
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            return ec.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a new pair to {@code privateFile} (owner-only) and {@code publicFile} unless the private one exists. */
    public static void generateIfAbsent(Path privateFile, Path publicFile) throws IOException {
        DeliveryKeys.writeIfAbsent(privateFile, publicFile, PushKeys::newPair);
    }

    public static ECPublicKey publicKey(String pem) {
        try {
            ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(DeliveryKeys.der(pem, "PUBLIC KEY")));
            requireP256(key.getParams());
            return key;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an EC public key (PEM 'PUBLIC KEY')", e);
        }
    }

    public static ECPrivateKey privateKey(String pem) {
        try {
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(DeliveryKeys.der(pem, "PRIVATE KEY")));
            requireP256(key.getParams());
            return key;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an EC private key (PEM 'PRIVATE KEY', PKCS#8)", e);
        }
    }

    /** The key as an uncompressed point, 65 bytes. */
    public static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[POINT_LENGTH];
        point[0] = 4;
        copyUnsigned(key.getW().getAffineX(), point, 1);
        copyUnsigned(key.getW().getAffineY(), point, 33);
        return point;
    }

    /** {@link #uncompressed} as base64url without padding, as browsers take and give it. */
    public static String base64Url(ECPublicKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(uncompressed(key));
    }

    /**
     * The P-256 public key of an uncompressed point.
     *
     * @throws IllegalArgumentException when it is not 65 bytes starting 0x04 or not a point of the curve
     */
    public static ECPublicKey fromUncompressed(byte[] point) {
        if (point.length != POINT_LENGTH || point[0] != 4) {
            throw new IllegalArgumentException("not an uncompressed P-256 point (65 bytes starting 0x04)");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        // an off-curve point would leak the private key through ECDH (invalid curve attack): refused here
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger left = y.modPow(BigInteger.TWO, p);
        BigInteger right = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0 || !left.equals(right)) {
            throw new IllegalArgumentException("not a point of the P-256 curve");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y),
                    P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
    }

    private static void copyUnsigned(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    private static void requireP256(ECParameterSpec params) {
        if (!params.getCurve().equals(P256.getCurve()) || !params.getGenerator().equals(P256.getGenerator())) {
            throw new IllegalArgumentException("not a P-256 (prime256v1) key");
        }
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
