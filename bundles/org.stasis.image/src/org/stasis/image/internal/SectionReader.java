package org.stasis.image.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.stasis.image.ImageFormatException;
import org.stasis.image.Section;

/** Reads a checksummed (non-page) section whole and checks its CRC32C. */
final class SectionReader {

    private SectionReader() {
    }

    /** The largest Java array; a section beyond it could only come from an absurd file. */
    private static final long ARRAY_MAX = Integer.MAX_VALUE - 8;

    /** s lies inside the file (checked by the table); max caps what may be allocated for it. */
    static ByteBuffer read(ImageSource source, Section s, long max) throws IOException {
        checkLength(source, s, max);
        ByteBuffer data = source.read(s.offset(), (int) s.length());
        int crc = Checksums.crc32c(data);
        if (crc != s.crc()) {
            throw new ImageFormatException(source.name(), s.offset(), "the " + s.name() + " section (bytes " + s.offset()
                    + ".." + (s.end() - 1) + ") is damaged: CRC32C " + Checksums.hex(crc) + ", the section table says "
                    + Checksums.hex(s.crc()));
        }
        return data;
    }

    static void checkLength(ImageSource source, Section s, long max) throws ImageFormatException {
        if (s.length() > Math.min(max, ARRAY_MAX)) {
            throw new ImageFormatException(source.name(), s.offset(), "the " + s.name() + " section is " + s.length()
                    + " bytes, more than the " + Math.min(max, ARRAY_MAX) + " this Stasis accepts");
        }
    }
}
