package org.stasis.image.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.stasis.image.ImageFormatException;
import org.stasis.image.ProgressListener;
import org.stasis.image.Section;
import org.stasis.image.VerifyResult;
import org.stasis.image.VerifyResult.DamagedChunk;

/**
 * The PAGES section: read on demand through the source's mapped windows, and trusted only per
 * 1 MiB chunk whose CRC32C matched PAGE_SUMS (each chunk is checked once, when first used).
 */
public final class PageStore {

    private final ImageSource source;
    private final Section pages;
    private final int[] sums;
    private final BitSet verified = new BitSet();

    PageStore(ImageSource source, Section pages, int[] sums) {
        this.source = source;
        this.pages = pages;
        this.sums = sums;
    }

    public long length() {
        return pages.length();
    }

    public int[] sums() {
        return sums.clone();
    }

    /** Checks the chunks covering [offset, offset + length) of PAGES; throws at the first damaged one. */
    public void verify(long offset, long length) throws IOException {
        checkRange(offset, length);
        if (length == 0) {
            return;
        }
        for (int c = (int) (offset / Layout.CHUNK); c <= (offset + length - 1) / Layout.CHUNK; c++) {
            if (isVerified(c)) {
                continue;
            }
            int actual = crcOf(c);
            if (actual != sums[c]) {
                DamagedChunk d = damage(c, actual);
                throw new ImageFormatException(source.name(), d.fileOffset(), "page data is damaged: chunk " + c
                        + " (bytes " + d.fileOffset() + ".." + (d.fileOffset() + d.length() - 1) + ") has CRC32C "
                        + Checksums.hex(actual) + ", PAGE_SUMS says " + Checksums.hex(sums[c]));
            }
            markVerified(c);
        }
    }

    /** Checks every chunk, reporting progress and stopping at the listener's request. */
    public VerifyResult verifyAll(ProgressListener listener) throws IOException {
        ProgressListener l = listener != null ? listener : ProgressListener.NONE;
        List<DamagedChunk> damaged = new ArrayList<>();
        long done = 0;
        for (int c = 0; c < sums.length; c++) {
            if (l.isCanceled()) {
                return new VerifyResult(c, sums.length, damaged, true);
            }
            int actual = crcOf(c);
            if (actual == sums[c]) {
                markVerified(c);
            } else {
                damaged.add(damage(c, actual));
            }
            done += chunkLength(c);
            l.progress(done, pages.length());
        }
        return new VerifyResult(sums.length, sums.length, damaged, false);
    }

    /** Copies verified page bytes [offset, offset + length) of PAGES into dst at dstOffset. */
    public void copy(long offset, byte[] dst, int dstOffset, int length) throws IOException {
        verify(offset, length);
        readInto(pages.offset() + offset, dst, dstOffset, length);
    }

    private void readInto(long fileOffset, byte[] dst, int dstOffset, int length) throws IOException {
        try {
            source.view(fileOffset, length).get(dst, dstOffset, length);
        } catch (InternalError e) {
            throw changedUnderUs(fileOffset, e);
        }
    }

    private int crcOf(int chunk) throws IOException {
        long at = pages.offset() + (long) chunk * Layout.CHUNK;
        try {
            ByteBuffer data = source.view(at, chunkLength(chunk));
            return Checksums.crc32c(data);
        } catch (InternalError e) {
            throw changedUnderUs(at, e);
        }
    }

    /** A mapped read past a file that was truncated after open faults; the JVM reports it as InternalError. */
    private ImageFormatException changedUnderUs(long at, InternalError e) {
        return new ImageFormatException(source.name(), at, "the file changed while being read (truncated?)", e);
    }

    private int chunkLength(int chunk) {
        return (int) Math.min(Layout.CHUNK, pages.length() - (long) chunk * Layout.CHUNK);
    }

    private DamagedChunk damage(int chunk, int actual) {
        return new DamagedChunk(chunk, pages.offset() + (long) chunk * Layout.CHUNK, chunkLength(chunk), sums[chunk],
                actual);
    }

    private void checkRange(long offset, long length) {
        if (offset < 0 || length < 0 || offset > pages.length() || length > pages.length() - offset) {
            throw new IllegalArgumentException("PAGES range [" + offset + ", +" + length + ") is outside the "
                    + pages.length() + " bytes of page data");
        }
    }

    private synchronized boolean isVerified(int chunk) {
        return verified.get(chunk);
    }

    private synchronized void markVerified(int chunk) {
        verified.set(chunk);
    }
}
