package org.stasis.image.internal;

/**
 * Byte layout of format 1.x (docs/image-format.md; the C side is native/src/image_layout.h).
 * Offsets here must match the specification's tables.
 */
public final class Layout {

    private Layout() {
    }

    /** 89 'S' 'T' 'A' CR LF 1A LF, the PNG trick: damage by 7-bit or text-mode copies shows. */
    static final byte[] MAGIC = { (byte) 0x89, 'S', 'T', 'A', '\r', '\n', 0x1a, '\n' };

    public static final int FORMAT_MAJOR = 1;

    static final int H_MAJOR = 8;
    static final int H_MINOR = 10;
    static final int H_SIZE = 12;
    static final int H_IMAGE_ID = 16;
    static final int H_PARENT_ID = 32;
    static final int H_CREATED = 48;
    static final int H_PAGE_SIZE = 56;
    static final int H_FLAGS = 60;
    static final int H_ARCH = 64;
    static final int H_KERNEL = 80;
    static final int H_HOSTNAME = 145;
    static final int H_TABLE_OFF = 216;
    static final int H_TABLE_COUNT = 224;
    static final int H_TABLE_ENTSZ = 228;
    static final int H_FILE_SIZE = 232;
    static final int H_TABLE_CRC = 240;
    public static final int HEADER_SIZE_V1 = 256;
    static final int HEADER_MAX = 4096;
    static final int ARCH_LEN = 16;
    static final int UTS_LEN = 65;

    static final int S_TYPE = 0;
    static final int S_FLAGS = 4;
    static final int S_OFFSET = 8;
    static final int S_LENGTH = 16;
    static final int S_CRC = 24;
    static final int ENTRY_SIZE_V1 = 32;
    static final int ENTRY_MAX = 256;
    static final int SECTIONS_MIN = 3;
    static final int SECTIONS_MAX = 64;

    public static final int PAGE_SIZE = 4096;
    static final int PAGE_SHIFT = 12;
    static final long PAGES_START = 4096;
    /** PAGE_SUMS has one CRC32C per MiB of PAGES. */
    public static final int CHUNK = 1 << 20;
    /** The C reader's limit: larger metadata is refused before anything is allocated. */
    static final long META_MAX = 256L << 20;
}
