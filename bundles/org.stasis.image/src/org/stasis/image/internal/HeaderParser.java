package org.stasis.image.internal;

import static org.stasis.image.internal.Layout.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.stasis.image.ImageFormatException;
import org.stasis.image.ImageHeader;

/** Validates the fixed header (docs/image-format.md, "Reading", steps 1 to 5). */
final class HeaderParser {

    /** Where the header says the section table is; checked by {@link SectionTableParser}. */
    record TableLocation(long offset, long count, long entrySize, int crc) {
    }

    record Result(ImageHeader header, TableLocation table) {
    }

    private final String file;

    HeaderParser(String file) {
        this.file = file;
    }

    /** h: the first min(size, 4096) bytes of the file. */
    Result parse(ByteBuffer h, long size) throws ImageFormatException {
        checkMagic(h);
        if (size < HEADER_SIZE_V1) {
            throw bad(0, "truncated: the file is " + size + " bytes, a header alone is " + HEADER_SIZE_V1);
        }
        int major = u16(h, H_MAJOR);
        int minor = u16(h, H_MINOR);
        if (major > FORMAT_MAJOR) {
            throw bad(H_MAJOR, "image format " + major + "." + minor + " is newer than this Stasis (" + FORMAT_MAJOR
                    + ".x): upgrade Stasis");
        }
        if (major < 1) {
            throw bad(H_MAJOR, "image format " + major + "." + minor + " was never released; not a valid image");
        }
        long hsize = Integer.toUnsignedLong(h.getInt(H_SIZE));
        if (hsize < HEADER_SIZE_V1 || hsize > HEADER_MAX || hsize % 4 != 0) {
            throw bad(H_SIZE, "header size " + hsize + " is invalid: must be a multiple of 4 in " + HEADER_SIZE_V1
                    + ".." + HEADER_MAX);
        }
        if (hsize > size) {
            throw bad(H_SIZE, "truncated: the header is " + hsize + " bytes, the file " + size);
        }
        int crcAt = (int) hsize - 4;
        int crc = Checksums.crc32c(h.slice(0, crcAt));
        if (crc != h.getInt(crcAt)) {
            throw bad(crcAt, "header checksum mismatch: bytes 0.." + (crcAt - 1) + " have CRC32C " + Checksums.hex(crc)
                    + ", the header says " + Checksums.hex(h.getInt(crcAt)) + " (the header is damaged)");
        }
        if (h.getInt(H_PAGE_SIZE) != PAGE_SIZE) {
            throw bad(H_PAGE_SIZE, "page size " + Integer.toUnsignedString(h.getInt(H_PAGE_SIZE))
                    + " is not supported; this Stasis handles " + PAGE_SIZE);
        }
        String arch = string(h, H_ARCH, ARCH_LEN, "arch");
        String kernel = string(h, H_KERNEL, UTS_LEN, "kernel release");
        String host = string(h, H_HOSTNAME, UTS_LEN, "hostname");
        long declared = h.getLong(H_FILE_SIZE);
        if (Long.compareUnsigned(declared, size) > 0) {
            throw bad(H_FILE_SIZE, "truncated: the header says the image is " + Long.toUnsignedString(declared)
                    + " bytes, the file is " + size + " (incomplete copy?)");
        }
        if (declared != size) {
            throw bad(H_FILE_SIZE, "the header says the image is " + declared + " bytes, but the file is " + size
                    + ": something was appended or the header is wrong");
        }
        ImageHeader header = new ImageHeader(major, minor, (int) hsize, id(h, H_IMAGE_ID), parent(h),
                created(h.getLong(H_CREATED)), PAGE_SIZE, h.getInt(H_FLAGS), arch, kernel, host, size);
        TableLocation table = new TableLocation(h.getLong(H_TABLE_OFF), Integer.toUnsignedLong(h.getInt(H_TABLE_COUNT)),
                Integer.toUnsignedLong(h.getInt(H_TABLE_ENTSZ)), h.getInt(H_TABLE_CRC));
        return new Result(header, table);
    }

    /** Names the usual ways a binary file gets damaged in transit, as the C reader does. */
    private void checkMagic(ByteBuffer h) throws ImageFormatException {
        if (startsWith(h, MAGIC)) {
            return;
        }
        if (startsWith(h, new byte[] { (byte) 0x89, 'S', 'T', 'A', '\n', 0x1a, '\n' })) {
            throw bad(4, "not a valid image: CR LF at byte 4 became LF; the file was copied in text mode (copy it in binary mode)");
        }
        if (startsWith(h, new byte[] { (byte) 0x89, 'S', 'T', 'A', '\r', '\n', 0x1a, '\r', '\n' })
                || startsWith(h, new byte[] { (byte) 0x89, 'S', 'T', 'A', '\r', '\r', '\n', 0x1a, '\r', '\n' })) {
            throw bad(4, "not a valid image: LF became CR LF; the file was copied in text mode (copy it in binary mode)");
        }
        if (startsWith(h, new byte[] { 0x09, 'S', 'T', 'A' })) {
            throw bad(0, "not a valid image: byte 0 lost its high bit; the file went through a 7-bit channel (copy it in binary mode)");
        }
        if (startsWith(h, new byte[4])) {
            throw bad(0, "not a valid image: the header is zero; this is an unfinished temporary file from an interrupted dump");
        }
        throw bad(0, "not a stasis image (wrong magic: expected 89 53 54 41 0d 0a 1a 0a)");
    }

    private static boolean startsWith(ByteBuffer h, byte[] prefix) {
        return h.limit() >= prefix.length && h.slice(0, prefix.length).equals(ByteBuffer.wrap(prefix));
    }

    private String string(ByteBuffer h, int offset, int length, String what) throws ImageFormatException {
        for (int i = 0; i < length; i++) {
            if (h.get(offset + i) == 0) {
                byte[] bytes = new byte[i];
                h.get(offset, bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
        throw bad(offset, "header field " + what + " (bytes " + offset + ".." + (offset + length - 1)
                + ") is not NUL-terminated");
    }

    private static int u16(ByteBuffer h, int offset) {
        return Short.toUnsignedInt(h.getShort(offset));
    }

    private static String id(ByteBuffer h, int offset) {
        byte[] id = new byte[16];
        h.get(offset, id);
        return HexFormat.of().formatHex(id);
    }

    private static Optional<String> parent(ByteBuffer h) {
        String id = id(h, H_PARENT_ID);
        return id.chars().allMatch(c -> c == '0') ? Optional.empty() : Optional.of(id);
    }

    /** The field is unsigned; values beyond 2262 are nonsense but must not throw. */
    private static Instant created(long unixNs) {
        return Instant.ofEpochSecond(Long.divideUnsigned(unixNs, 1_000_000_000L),
                Long.remainderUnsigned(unixNs, 1_000_000_000L));
    }

    private ImageFormatException bad(long offset, String problem) {
        return new ImageFormatException(file, offset, problem);
    }
}
