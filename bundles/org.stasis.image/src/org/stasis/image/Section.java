package org.stasis.image;

/**
 * One validated entry of the section table: where a section lies in the file.
 *
 * @param type   {@link #META}, {@link #PAGES}, {@link #PAGE_SUMS} or an optional type of a newer minor version
 * @param flags  bit 0: required
 * @param offset absolute file offset
 * @param length bytes
 * @param crc    CRC32C of the section (0 for PAGES, which PAGE_SUMS covers)
 */
public record Section(int type, int flags, long offset, long length, int crc) {

    public static final int META = 1;
    public static final int PAGES = 2;
    public static final int PAGE_SUMS = 3;
    public static final int FLAG_REQUIRED = 0x1;

    /** "META", "PAGES", "PAGE_SUMS" or "unknown type N". */
    public String name() {
        return switch (type) {
            case META -> "META";
            case PAGES -> "PAGES";
            case PAGE_SUMS -> "PAGE_SUMS";
            default -> "unknown type " + Integer.toUnsignedString(type);
        };
    }

    public boolean isRequired() {
        return (flags & FLAG_REQUIRED) != 0;
    }

    /** First byte after the section. Cannot overflow: a validated section lies inside the file. */
    public long end() {
        return offset + length;
    }
}
