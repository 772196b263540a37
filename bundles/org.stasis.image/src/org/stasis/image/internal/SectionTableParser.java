package org.stasis.image.internal;

import static org.stasis.image.internal.Layout.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.stasis.image.ImageFormatException;
import org.stasis.image.Section;

/**
 * Validates the section table (docs/image-format.md, "Reading", steps 6 to 8): every section
 * inside the file, none overlapping, META, PAGES and PAGE_SUMS exactly once, PAGES aligned.
 */
final class SectionTableParser {

    /** The validated table: all entries, and the three sections 1.0 needs. */
    record Result(List<Section> all, Section meta, Section pages, Section sums) {
    }

    private final ImageSource source;
    private final String file;

    SectionTableParser(ImageSource source) {
        this.source = source;
        this.file = source.name();
    }

    Result parse(HeaderParser.TableLocation t, int headerSize) throws IOException {
        long size = source.size();
        if (t.count() < SECTIONS_MIN || t.count() > SECTIONS_MAX) {
            throw bad(H_TABLE_COUNT, "section count " + t.count() + " is out of range " + SECTIONS_MIN + ".." + SECTIONS_MAX);
        }
        if (t.entrySize() < ENTRY_SIZE_V1 || t.entrySize() > ENTRY_MAX || t.entrySize() % 8 != 0) {
            throw bad(H_TABLE_ENTSZ, "section entry size " + t.entrySize() + " is invalid: must be a multiple of 8 in "
                    + ENTRY_SIZE_V1 + ".." + ENTRY_MAX);
        }
        long tlen = t.count() * t.entrySize(); // at most 64 * 256
        if (Long.compareUnsigned(t.offset(), headerSize) < 0 || Long.compareUnsigned(t.offset(), size) > 0
                || tlen > size - t.offset()) {
            throw bad(H_TABLE_OFF, "truncated or damaged: the section table at byte " + Long.toUnsignedString(t.offset())
                    + ", " + tlen + " bytes, does not fit in the file (" + size + " bytes)");
        }
        ByteBuffer table = source.read(t.offset(), (int) tlen);
        int crc = Checksums.crc32c(table);
        if (crc != t.crc()) {
            throw bad(t.offset(), "section table checksum mismatch: bytes " + t.offset() + ".." + (t.offset() + tlen - 1)
                    + " have CRC32C " + Checksums.hex(crc) + ", header byte " + H_TABLE_CRC + " says "
                    + Checksums.hex(t.crc()));
        }
        List<Section> all = new ArrayList<>();
        Section[] known = new Section[Section.PAGE_SUMS + 1]; // indexed by type
        for (int i = 0; i < t.count(); i++) {
            int e = (int) (i * t.entrySize());
            Section s = new Section(table.getInt(e + S_TYPE), table.getInt(e + S_FLAGS), table.getLong(e + S_OFFSET),
                    table.getLong(e + S_LENGTH), table.getInt(e + S_CRC));
            check(i, s, all, t.offset() + e, t.offset(), tlen, headerSize, known);
            all.add(s);
        }
        for (int type = Section.META; type <= Section.PAGE_SUMS; type++) {
            if (known[type] == null) {
                throw bad(t.offset(), "the section table lacks the "
                        + new Section(type, 0, 0, 0, 0).name() + " section");
            }
        }
        checkPages(known[Section.PAGES], known[Section.PAGE_SUMS]);
        return new Result(List.copyOf(all), known[Section.META], known[Section.PAGES], known[Section.PAGE_SUMS]);
    }

    private void check(int i, Section s, List<Section> earlier, long entryAt, long toff, long tlen, int headerSize,
            Section[] known) throws ImageFormatException {
        long size = source.size();
        String what = "section " + i + " (" + s.name() + ")";
        if (Long.compareUnsigned(s.length(), size) > 0 || Long.compareUnsigned(s.offset(), size - s.length()) > 0) {
            throw bad(entryAt + S_OFFSET, "truncated: " + what + " at byte " + Long.toUnsignedString(s.offset()) + ", "
                    + Long.toUnsignedString(s.length()) + " bytes long, ends past the end of the file (" + size + " bytes)");
        }
        if (s.offset() < headerSize) {
            throw bad(entryAt + S_OFFSET, what + " starts at byte " + s.offset() + ", inside the header (" + headerSize
                    + " bytes)");
        }
        if (s.offset() < toff + tlen && toff < s.end()) {
            throw bad(entryAt + S_OFFSET, what + " [" + s.offset() + ", " + s.end() + ") overlaps the section table ["
                    + toff + ", " + (toff + tlen) + ")");
        }
        for (int j = 0; j < earlier.size(); j++) {
            Section o = earlier.get(j);
            if (s.length() != 0 && o.length() != 0 && s.offset() < o.end() && o.offset() < s.end()) {
                throw bad(entryAt + S_OFFSET, "sections " + j + " (" + o.name() + ") and " + i + " (" + s.name()
                        + ") overlap: [" + o.offset() + ", " + o.end() + ") and [" + s.offset() + ", " + s.end() + ")");
            }
        }
        if (s.type() < Section.META || s.type() > Section.PAGE_SUMS) {
            if (s.isRequired()) {
                throw bad(entryAt + S_TYPE, "section " + i + " has type " + Integer.toUnsignedString(s.type())
                        + ", which this Stasis does not know and the image marks as required: upgrade Stasis");
            }
            return; // an optional extension of a newer minor version
        }
        if (known[s.type()] != null) {
            throw bad(entryAt + S_TYPE, "the section table lists " + s.name() + " twice");
        }
        known[s.type()] = s;
    }

    private void checkPages(Section pages, Section sums) throws ImageFormatException {
        if (pages.offset() % PAGE_SIZE != 0 || pages.offset() < PAGES_START || pages.length() % PAGE_SIZE != 0) {
            throw bad(pages.offset(), "the PAGES section at byte " + pages.offset() + ", " + pages.length()
                    + " bytes, is not 4096-aligned");
        }
        long chunks = chunks(pages.length());
        if (sums.length() != chunks * 4) {
            throw bad(sums.offset(), "the PAGE_SUMS section is " + sums.length() + " bytes; " + pages.length()
                    + " bytes of pages need " + chunks + " checksums (" + chunks * 4 + " bytes)");
        }
    }

    static long chunks(long pagesLength) {
        return (pagesLength + CHUNK - 1) / CHUNK;
    }

    private ImageFormatException bad(long offset, String problem) {
        return new ImageFormatException(file, offset, problem);
    }
}
