package com.rostra.gladly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gladly tokens at rest: bound to their company, readable from before the binding, the key file owner-only. */
class TokenCipherTest {

    private static GladlyProperties properties(String key, Path dataDir) {
        return new GladlyProperties(List.of(), key, dataDir == null ? null : dataDir.toString(), 0, null, null, null, 0, 0, 0, null,
                -1, null, 0, null, null, null, null);
    }

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void aTokenDecryptsOnlyForItsOwnCompany() throws Exception {
        TokenCipher cipher = new TokenCipher(properties(KEY, null));
        String stored = cipher.encrypt(new CompanyId(1), "gladly-token-123");
        assertThat(stored).startsWith("v2:").doesNotContain("gladly-token-123");
        assertThat(cipher.decrypt(new CompanyId(1), stored)).isEqualTo("gladly-token-123");
        assertThatThrownBy(() -> cipher.decrypt(new CompanyId(2), stored)).as("copied onto another company's row")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tokensStoredBeforeTheBindingStillDecrypt() throws Exception {
        // What the previous version wrote: nonce + AES-GCM(token) without associated data.
        byte[] nonce = new byte[12];
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(KEY), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        byte[] sealed = aes.doFinal("old-token".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String legacy = Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        assertThat(new TokenCipher(properties(KEY, null)).decrypt(new CompanyId(7), legacy)).isEqualTo("old-token");
    }

    @Test
    void aGeneratedKeyFileIsOwnerOnlyAndAWrongOneIsRefused(@TempDir Path dir) throws Exception {
        TokenCipher cipher = new TokenCipher(properties(null, dir));
        Path file = dir.resolve("encryption.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        String stored = cipher.encrypt(new CompanyId(3), "t");
        assertThat(new TokenCipher(properties(null, dir)).decrypt(new CompanyId(3), stored)).as("the same key next start").isEqualTo("t");

        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> new TokenCipher(properties(null, dir))).hasMessageContaining("must hold 32 bytes");
    }
}
