package com.marketpulse.alerting.seal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hybrid encryption of a short secret: a fresh AES-256-GCM key encrypts it, RSA-OAEP (SHA-256, MGF1-SHA-256) wraps
 * that key for the recipient's public key. The box is {@code version(1) | wrapped key length(2) | wrapped key |
 * nonce(12) | ciphertext with its 16-byte tag}. The GCM tag makes any change to the box fail to open.
 */
public final class SealedBox {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedBox() {
    }

    public static byte[] seal(String secret, PublicKey recipient) {
        try {
            KeyGenerator aes = KeyGenerator.getInstance("AES");
            aes.init(256, RANDOM);
            SecretKey key = aes.generateKey();
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.WRAP_MODE, recipient, OAEP);
            byte[] wrapped = rsa.wrap(key);
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = gcm.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + 2 + wrapped.length + NONCE_BYTES + sealed.length)
                    .put(VERSION).putShort((short) wrapped.length).put(wrapped).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret: " + e.getMessage(), e);
        }
    }

    /** The secret in {@code box}; a box sealed for another key, or changed, is refused. */
    public static String open(byte[] box, PrivateKey key) {
        try {
            ByteBuffer in = ByteBuffer.wrap(box);
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("not a sealed box of version " + VERSION);
            }
            byte[] wrapped = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(wrapped);
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.UNWRAP_MODE, key, OAEP);
            SecretKey aes = (SecretKey) rsa.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aes.getEncoded(), "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce));
            return new String(gcm.doFinal(sealed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("cannot open a sealed secret (wrong key or damaged box)", e);
        }
    }
}
