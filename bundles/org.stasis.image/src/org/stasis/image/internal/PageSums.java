package org.stasis.image.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.stasis.image.Section;

/** Loads PAGE_SUMS: one CRC32C per MiB of PAGES (its length was checked against PAGES by the table). */
final class PageSums {

    private PageSums() {
    }

    static int[] load(ImageSource source, Section sums) throws IOException {
        // bounded by the file: the section lies inside it
        ByteBuffer data = SectionReader.read(source, sums, sums.length());
        int[] crcs = new int[(int) (sums.length() / 4)];
        data.asIntBuffer().get(crcs);
        return crcs;
    }
}
