package org.stasis.core.tests.images;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.stasis.image.proto.Image;

/**
 * Writes small, well-formed 1.0 images (docs/image-format.md) from metadata and page bytes, so a
 * comparison can be checked against exact, hand-made differences.
 */
final class TestImages {

    private static final int MIB = 1 << 20;

    private TestImages() {
    }

    /** pages: PAGES content, a multiple of 4096 bytes; page-run offsets in meta point into it. */
    static Path write(Path file, Image meta, byte[] pages) throws IOException {
        byte[] m = meta.toByteArray();
        int chunks = (pages.length + MIB - 1) / MIB;
        int metaAt = 4096 + pages.length;
        int sumsAt = align8(metaAt + m.length);
        int tableAt = align8(sumsAt + 4 * chunks);
        ByteBuffer b = ByteBuffer.allocate(tableAt + 3 * 32).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, new byte[] { (byte) 0x89, 'S', 'T', 'A', '\r', '\n', 0x1a, '\n' });
        b.putShort(8, (short) 1).putShort(10, (short) 0).putInt(12, 256);
        b.putLong(16, meta.hashCode()); // image_id: any bytes do
        b.putInt(56, 4096);
        b.put(64, "x86_64".getBytes(StandardCharsets.US_ASCII)).put(80, "test".getBytes(StandardCharsets.US_ASCII))
                .put(145, "test".getBytes(StandardCharsets.US_ASCII));
        b.put(4096, pages).put(metaAt, m);
        for (int i = 0; i < chunks; i++) {
            b.putInt(sumsAt + 4 * i, crc(b, 4096 + i * MIB, Math.min(MIB, pages.length - i * MIB)));
        }
        entry(b, tableAt, 2, 4096, pages.length, 0);
        entry(b, tableAt + 32, 1, metaAt, m.length, crc(b, metaAt, m.length));
        entry(b, tableAt + 64, 3, sumsAt, 4 * chunks, crc(b, sumsAt, 4 * chunks));
        b.putLong(216, tableAt).putInt(224, 3).putInt(228, 32).putLong(232, b.capacity());
        b.putInt(240, crc(b, tableAt, 3 * 32));
        b.putInt(252, crc(b, 0, 252));
        return Files.write(file, b.array());
    }

    private static void entry(ByteBuffer b, int at, int type, long offset, long length, int crc) {
        b.putInt(at, type).putInt(at + 4, 1).putLong(at + 8, offset).putLong(at + 16, length).putInt(at + 24, crc);
    }

    private static int crc(ByteBuffer b, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(b.array(), offset, length);
        return (int) c.getValue();
    }

    private static int align8(int v) {
        return (v + 7) & ~7;
    }
}
