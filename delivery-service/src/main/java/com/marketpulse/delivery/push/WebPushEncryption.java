package com.marketpulse.delivery.push;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.marketpulse.alerting.seal.PushKeys;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188), JDK crypto only: an
 * ephemeral P-256 key pair per message, ECDH with the subscription's {@code p256dh} key, HKDF-SHA256 mixing in its
 * {@code auth} secret, one AES-128-GCM record. The body is the record header (salt, record size, the ephemeral public
 * key as key id) followed by the ciphertext; only the browser holding the subscription's private key can read it.
 */
public final class WebPushEncryption {

    /** A subscription's {@code auth} secret is 16 bytes (RFC 8291 §3.2). */
    public static final int AUTH_LENGTH = 16;
    /**
     * Push services must take 4096 bytes of body (RFC 8030 §7.2); the header (86), the padding delimiter (1) and
     * the GCM tag (16) leave this much for the plaintext.
     */
    public static final int MAX_PLAINTEXT = 4096 - 86 - 1 - 16;
    private static final int RECORD_SIZE = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebPushEncryption() {
    }

    /** The encrypted body for a subscription with public key {@code uaPublic} and {@code authSecret}. */
    public static byte[] encrypt(byte[] plaintext, ECPublicKey uaPublic, byte[] authSecret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, uaPublic, authSecret, PushKeys.newPair(), salt);
    }

    /** With the sender's key pair and salt given: what the RFC's test vector fixes; never reuse either. */
    static byte[] encrypt(byte[] plaintext, ECPublicKey uaPublic, byte[] authSecret, KeyPair sender, byte[] salt) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a push message holds at most " + MAX_PLAINTEXT + " bytes, not "
                    + plaintext.length);
        }
        if (authSecret.length != AUTH_LENGTH || salt.length != 16) {
            throw new IllegalArgumentException("the auth secret and the salt are 16 bytes");
        }
        try {
            byte[] uaPoint = PushKeys.uncompressed(uaPublic);
            byte[] asPoint = PushKeys.uncompressed((ECPublicKey) sender.getPublic());
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(sender.getPrivate());
            ecdh.doPhase(uaPublic, true);
            byte[] ecdhSecret = ecdh.generateSecret();

            // RFC 8291 §3.3: the auth secret and both public keys go into the input keying material
            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPoint, asPoint);
            byte[] ikm = expand(hmac(authSecret, ecdhSecret), keyInfo, 32);
            // RFC 8188 §2.2: content encryption key and nonce from the salt
            byte[] prk = hmac(salt, ikm);
            byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            // one record, so it is the last: its padding delimiter is 0x02 and no padding follows
            byte[] ciphertext = gcm.doFinal(concat(plaintext, new byte[] {2}));

            ByteBuffer header = ByteBuffer.allocate(16 + 4 + 1 + asPoint.length);
            header.put(salt).putInt(RECORD_SIZE).put((byte) asPoint.length).put(asPoint);
            return concat(header.array(), ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Web Push encryption failed", e);
        }
    }

    /** HKDF-Expand (RFC 5869) for at most one block, which is all RFC 8291 needs. */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
