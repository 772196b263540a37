package org.stasis.image.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.stasis.image.ImageFormatException;
import org.stasis.image.ImageHeader;
import org.stasis.image.Section;
import org.stasis.image.proto.Image;

/**
 * Opens an image in the order docs/image-format.md prescribes: header, section table, PAGE_SUMS,
 * META and its rules. Reads only the small sections; page data stays on disk.
 */
public final class ImageReader {

    /** Everything open() learnt, all of it validated. */
    public record Opened(ImageHeader header, List<Section> sections, Image metadata, PageStore pages) {
    }

    private ImageReader() {
    }

    public static Opened read(ImageSource source) throws IOException {
        long size = source.size();
        if (size == 0) {
            throw new ImageFormatException(source.name(), 0, "the file is empty");
        }
        ByteBuffer head = source.read(0, (int) Math.min(size, Layout.HEADER_MAX));
        HeaderParser.Result h = new HeaderParser(source.name()).parse(head, size);
        SectionTableParser.Result t = new SectionTableParser(source).parse(h.table(), h.header().headerSize());
        PageStore pages = new PageStore(source, t.pages(), PageSums.load(source, t.sums()));
        Image meta = MetadataDecoder.decode(source, t.meta());
        new MetadataRules(source.name(), t.meta().offset(), t.pages().length()).check(meta);
        return new Opened(h.header(), t.all(), meta, pages);
    }
}
