package org.stasis.image.internal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC32C as the format uses it (Castagnoli, init and final XOR ~0: java.util.zip.CRC32C). */
final class Checksums {

    private Checksums() {
    }

    static int crc32c(ByteBuffer data) {
        CRC32C crc = new CRC32C();
        crc.update(data.duplicate());
        return (int) crc.getValue();
    }

    static int crc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    static String hex(int crc) {
        return String.format("%08x", crc);
    }
}
