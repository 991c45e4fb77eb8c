package com.marketpulse.delivery.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.marketpulse.alerting.seal.PushKeys;

/**
 * A browser's side of a push subscription, written from RFC 8291 §3.4 and RFC 8188 §2 apart from the sender's code
 * (so a mistake shared by both cannot pass): its P-256 key pair and auth secret as {@code PushManager.subscribe}
 * makes them, and the decryption of what a push service hands it.
 */
public record BrowserSubscription(KeyPair keys, byte[] auth) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new subscription's keys, as a browser generates them. */
    public static BrowserSubscription create() {
        byte[] auth = new byte[16];
        RANDOM.nextBytes(auth);
        return new BrowserSubscription(PushKeys.newPair(), auth);
    }

    /** The RFC 8291 appendix A receiver: its private key {@code d}, public point and auth secret (base64url). */
    public static BrowserSubscription of(String privateD, String publicPoint, String auth) throws Exception {
        ECPublicKey publicKey = PushKeys.fromUncompressed(base64Url(publicPoint));
        var privateKey = KeyFactory.getInstance("EC").generatePrivate(
                new ECPrivateKeySpec(new BigInteger(1, base64Url(privateD)), PushKeys.P256));
        return new BrowserSubscription(new KeyPair(publicKey, privateKey), base64Url(auth));
    }

    /** {@code keys.p256dh} of the subscription's JSON. */
    public String p256dh() {
        return PushKeys.base64Url((ECPublicKey) keys.getPublic());
    }

    /** {@code keys.auth} of the subscription's JSON. */
    public String authBase64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
    }

    /** The plaintext of an {@code aes128gcm} body of one record; throws when it was not sealed for this subscription. */
    public String decrypt(byte[] body) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] senderPoint = new byte[in.get() & 0xff];
        in.get(senderPoint);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (ciphertext.length > recordSize) {
            throw new GeneralSecurityException("more than one record");
        }
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(keys.getPrivate());
        ecdh.doPhase(PushKeys.fromUncompressed(senderPoint), true);
        byte[] shared = ecdh.generateSecret();
        byte[] info = join("WebPush: info\0".getBytes(StandardCharsets.US_ASCII),
                PushKeys.uncompressed((ECPublicKey) keys.getPublic()), senderPoint);
        byte[] ikm = hkdf(auth, shared, info, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = gcm.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("the last record's delimiter (0x02) is missing");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    private static byte[] join(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length);
        Arrays.stream(parts).forEach(out::put);
        return out.array();
    }

    public static byte[] base64Url(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
