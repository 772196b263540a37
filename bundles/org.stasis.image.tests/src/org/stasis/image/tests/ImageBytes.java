package org.stasis.image.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The tests' own knowledge of the 1.0 layout, written from docs/image-format.md rather than taken
 * from the reader, so a misreading of the specification in one does not hide in the other. It can
 * rebuild images (for hostile metadata) and reseal damaged ones (so a mutation reaches the checks
 * behind the checksums instead of always failing at the first CRC).
 */
final class ImageBytes {

    static final int H_MAJOR = 8;
    static final int H_SIZE = 12;
    static final int H_TABLE_OFF = 216;
    static final int H_TABLE_COUNT = 224;
    static final int H_TABLE_ENTSZ = 228;
    static final int H_FILE_SIZE = 232;
    static final int H_TABLE_CRC = 240;
    static final int META = 1;
    static final int PAGES = 2;
    static final int PAGE_SUMS = 3;
    static final int MIB = 1 << 20;

    /** A table entry as the bytes say, unchecked. */
    record Entry(int type, long offset, long length, int at) {
    }

    private ImageBytes() {
    }

    static ByteBuffer le(byte[] image) {
        return ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The table entries, or none when the header's table fields point outside the image. */
    static List<Entry> entries(byte[] image) {
        List<Entry> out = new ArrayList<>();
        if (image.length < 256) {
            return out;
        }
        ByteBuffer b = le(image);
        long off = b.getLong(H_TABLE_OFF);
        long count = Integer.toUnsignedLong(b.getInt(H_TABLE_COUNT));
        long entsz = Integer.toUnsignedLong(b.getInt(H_TABLE_ENTSZ));
        if (count > 64 || entsz < 32 || entsz > 256 || off < 0 || off + count * entsz > image.length) {
            return out;
        }
        for (int i = 0; i < count; i++) {
            int at = (int) (off + i * entsz);
            out.add(new Entry(b.getInt(at), b.getLong(at + 8), b.getLong(at + 16), at));
        }
        return out;
    }

    static Entry entry(byte[] image, int type) {
        return entries(image).stream().filter(e -> e.type() == type).findFirst().orElseThrow();
    }

    static byte[] section(byte[] image, int type) {
        Entry e = entry(image, type);
        byte[] out = new byte[(int) e.length()];
        System.arraycopy(image, (int) e.offset(), out, 0, out.length);
        return out;
    }

    /** Recomputes every checksum whose range lies inside the image: sections, table, header. */
    static byte[] reseal(byte[] image) {
        if (image.length < 256) {
            return image;
        }
        ByteBuffer b = le(image);
        for (Entry e : entries(image)) {
            if ((e.type() == META || e.type() == PAGE_SUMS) && e.offset() >= 0 && e.length() >= 0
                    && e.offset() + e.length() <= image.length && e.offset() + e.length() >= 0) {
                b.putInt(e.at() + 24, crc(image, (int) e.offset(), (int) e.length()));
            }
        }
        List<Entry> all = entries(image);
        if (!all.isEmpty()) {
            long entsz = Integer.toUnsignedLong(b.getInt(H_TABLE_ENTSZ));
            int off = (int) b.getLong(H_TABLE_OFF);
            b.putInt(H_TABLE_CRC, crc(image, off, (int) (all.size() * entsz)));
        }
        long hsize = Integer.toUnsignedLong(b.getInt(H_SIZE));
        if (hsize >= 8 && hsize <= 4096 && hsize <= image.length) {
            b.putInt((int) hsize - 4, crc(image, 0, (int) hsize - 4));
        }
        return image;
    }

    /**
     * A well-formed 1.0 image with these pages and META bytes, laid out as the C writer does,
     * with the identity fields (ids, arch, kernel, host) of template's header.
     */
    static byte[] build(byte[] template, byte[] pages, byte[] meta) {
        long metaAt = 4096L + pages.length;
        long sumsAt = align8(metaAt + meta.length);
        int chunks = (pages.length + MIB - 1) / MIB;
        long tableAt = align8(sumsAt + 4L * chunks);
        byte[] image = new byte[(int) (tableAt + 3 * 32)];
        System.arraycopy(template, 0, image, 0, 256);
        System.arraycopy(pages, 0, image, 4096, pages.length);
        System.arraycopy(meta, 0, image, (int) metaAt, meta.length);
        ByteBuffer b = le(image);
        for (int i = 0; i < chunks; i++) {
            int len = Math.min(MIB, pages.length - i * MIB);
            b.putInt((int) sumsAt + 4 * i, crc(pages, i * MIB, len));
        }
        putEntry(b, tableAt, PAGES, 4096, pages.length);
        putEntry(b, tableAt + 32, META, metaAt, meta.length);
        putEntry(b, tableAt + 64, PAGE_SUMS, sumsAt, 4L * chunks);
        b.putInt(H_SIZE, 256);
        b.putLong(H_TABLE_OFF, tableAt);
        b.putInt(H_TABLE_COUNT, 3);
        b.putInt(H_TABLE_ENTSZ, 32);
        b.putLong(H_FILE_SIZE, image.length);
        return reseal(image);
    }

    private static void putEntry(ByteBuffer b, long at, int type, long offset, long length) {
        b.putInt((int) at, type);
        b.putInt((int) at + 4, 1); // REQUIRED
        b.putLong((int) at + 8, offset);
        b.putLong((int) at + 16, length);
    }

    private static long align8(long v) {
        return (v + 7) & ~7L;
    }

    static int crc(byte[] data, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(data, offset, length);
        return (int) c.getValue();
    }
}
