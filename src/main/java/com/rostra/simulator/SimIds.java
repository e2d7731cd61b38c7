package com.rostra.simulator;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Gladly ids are opaque URL-safe strings of 22 characters. The simulator packs what it needs to regenerate
 * an entity into them (two numbers and a kind), so nothing has to be stored to answer a lookup later.
 */
final class SimIds {

    private SimIds() {}

    static String encode(long a, int b, char kind, long seed) {
        ByteBuffer buf = ByteBuffer.allocate(16);
        buf.putLong(a).putInt(b).put((byte) kind).put((byte) (seed >>> 16)).put((byte) (seed >>> 8)).put((byte) seed);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    record Decoded(long a, int b, char kind) {}

    static Decoded decode(String id) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(id);
            if (bytes.length != 16) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            return new Decoded(buf.getLong(), buf.getInt(), (char) buf.get());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
