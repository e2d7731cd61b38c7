package com.rostra.gladly;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for Gladly API tokens at rest: a random 96-bit nonce per token, stored before the ciphertext, and the
 * company as associated data, so a ciphertext copied onto another company's row does not decrypt there. Tokens
 * stored before that ("v2:" absent) still decrypt, and are bound at their next save.
 */
@Component
class TokenCipher {

    private static final Logger log = LoggerFactory.getLogger(TokenCipher.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    TokenCipher(GladlyProperties properties) throws IOException {
        this.key = new SecretKeySpec(loadKey(properties), "AES");
    }

    private static final String BOUND = "v2:";

    private static byte[] associatedData(com.rostra.tenancy.CompanyId company) {
        return ("rostra-gladly-token:" + company.value()).getBytes(StandardCharsets.UTF_8);
    }

    String encrypt(com.rostra.tenancy.CompanyId company, String plaintext) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData(company));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return BOUND + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token encryption failed", e);
        }
    }

    String decrypt(com.rostra.tenancy.CompanyId company, String stored) {
        try {
            boolean bound = stored.startsWith(BOUND);
            byte[] all = Base64.getDecoder().decode(bound ? stored.substring(BOUND.length()) : stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            if (bound) cipher.updateAAD(associatedData(company));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored Gladly token cannot be decrypted with the configured key", e);
        }
    }

    private static byte[] loadKey(GladlyProperties properties) throws IOException {
        if (properties.encryptionKey() != null && !properties.encryptionKey().isBlank()) {
            byte[] key = Base64.getDecoder().decode(properties.encryptionKey().strip());
            if (key.length != 32) {
                throw new IllegalStateException("ROSTRA_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
            }
            return key;
        }
        // Zero-setup default: a key file next to the embedded database. Production sets ROSTRA_ENCRYPTION_KEY.
        Path file = Path.of(properties.dataDir(), "encryption.key");
        if (Files.exists(file)) {
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length != 32) {
                throw new IllegalStateException(file.toAbsolutePath() + " must hold 32 bytes, base64-encoded (it holds " + key.length + ")");
            }
            return key;
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        // Owner-only from the moment it exists, not chmod-ed after the key is already on disk.
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        log.warn("No ROSTRA_ENCRYPTION_KEY set: generated a token encryption key in {}", file.toAbsolutePath());
        return key;
    }
}
