package org.stasis.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.stasis.image.internal.FileSource;
import org.stasis.image.internal.ImageReader;
import org.stasis.image.internal.ImageSource;
import org.stasis.image.internal.ProcessPages;
import org.stasis.image.proto.Image;
import org.stasis.image.proto.Process;

/**
 * An open, validated .stasis image (docs/image-format.md). Opening reads and checks the header,
 * the section table, PAGE_SUMS and the metadata, never the page data: an image of any size opens
 * in the time and memory its metadata needs. Page data is checked against PAGE_SUMS chunk by
 * chunk before it is handed out. Thread-safe; close it to release the file.
 */
public final class StasisImage implements AutoCloseable {

    /** The most a single read hands out; the hex view and the restore path read far less at a time. */
    public static final int MAX_READ = 64 << 20;

    private final ImageSource source;
    private final ImageReader.Opened image;
    private final Map<Integer, ProcessPages> processPages = new HashMap<>();

    private StasisImage(ImageSource source, ImageReader.Opened image) {
        this.source = source;
        this.image = image;
    }

    /**
     * Opens and validates an image.
     *
     * @throws ImageFormatException the file is not a valid image (the message says why and where)
     * @throws IOException          the file cannot be read
     */
    public static StasisImage open(Path file) throws IOException {
        ImageSource source = FileSource.open(Objects.requireNonNull(file, "file"));
        try {
            return new StasisImage(source, ImageReader.read(source));
        } catch (IOException | RuntimeException | Error e) {
            source.close();
            throw e;
        }
    }

    public ImageHeader header() {
        return image.header();
    }

    /** The section table, in file order of the table. */
    public List<Section> sections() {
        return image.sections();
    }

    /** The {@code stasis.Image} message of META (immutable). */
    public Image metadata() {
        return image.metadata();
    }

    /** Bytes of page data (the PAGES section). */
    public long pagesLength() {
        return image.pages().length();
    }

    /** CRC32C of each MiB of page data, as PAGE_SUMS records them. */
    public int[] pageSums() {
        return image.pages().sums();
    }

    /** The process with this pid, or null. */
    public Process process(int pid) {
        for (Process p : image.metadata().getProcessesList()) {
            if (p.getPid() == pid) {
                return p;
            }
        }
        return null;
    }

    /**
     * Page data [pagesOffset, pagesOffset + length) of the PAGES section (page-run offsets are
     * relative to it), after checking the chunks that cover it.
     *
     * @throws ImageFormatException     the data does not match its checksum
     * @throws IllegalArgumentException the range is outside PAGES or longer than {@link #MAX_READ}
     */
    public byte[] readPages(long pagesOffset, int length) throws IOException {
        checkLength(length);
        byte[] data = new byte[length];
        image.pages().copy(pagesOffset, data, 0, length);
        return data;
    }

    /** Checks the chunks covering a range of PAGES; throws {@link ImageFormatException} at a damaged one. */
    public void verifyPages(long pagesOffset, long length) throws IOException {
        image.pages().verify(pagesOffset, length);
    }

    /** Checks all page data (the work of {@code stasis info --verify}); listener may be null. */
    public VerifyResult verifyAll(ProgressListener listener) throws IOException {
        return image.pages().verifyAll(listener);
    }

    /**
     * Bytes of a process's address range as stored in the image; pages the image does not store
     * are absent (see {@link MemoryBytes}).
     *
     * @throws IllegalArgumentException no such pid, the range wraps past 2^64 or is longer than {@link #MAX_READ}
     */
    public MemoryBytes readMemory(int pid, long address, int length) throws IOException {
        checkLength(length);
        if (Long.compareUnsigned(address, -1L - length) > 0) {
            throw new IllegalArgumentException("address range 0x" + Long.toHexString(address) + " +" + length
                    + " wraps past the end of the address space");
        }
        return pages(pid).read(address, length);
    }

    private synchronized ProcessPages pages(int pid) {
        return processPages.computeIfAbsent(pid, k -> {
            Process p = process(k);
            if (p == null) {
                throw new IllegalArgumentException("no process with pid " + Integer.toUnsignedString(k) + " in "
                        + source.name());
            }
            return new ProcessPages(image.pages(), p);
        });
    }

    private static void checkLength(int length) {
        if (length < 0 || length > MAX_READ) {
            throw new IllegalArgumentException("length " + length + " is outside 0.." + MAX_READ);
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
