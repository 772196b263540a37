package org.stasis.image;

import java.util.List;

/**
 * Outcome of checking page data against PAGE_SUMS.
 *
 * @param chunksChecked chunks whose checksum was computed
 * @param chunksTotal   chunks in the PAGES section
 * @param damaged       chunks whose data does not match their checksum, in file order
 * @param canceled      the listener canceled before every chunk was checked
 */
public record VerifyResult(long chunksChecked, long chunksTotal, List<DamagedChunk> damaged, boolean canceled) {

    public VerifyResult {
        damaged = List.copyOf(damaged);
    }

    /** Every chunk was checked and matched. */
    public boolean ok() {
        return !canceled && damaged.isEmpty() && chunksChecked == chunksTotal;
    }

    /**
     * A 1 MiB chunk of page data that does not match its checksum.
     *
     * @param chunk       index in PAGE_SUMS
     * @param fileOffset  absolute offset of its first byte
     * @param length      bytes (1 MiB except the last chunk)
     * @param expectedCrc what PAGE_SUMS says
     * @param actualCrc   what the data has
     */
    public record DamagedChunk(long chunk, long fileOffset, long length, int expectedCrc, int actualCrc) {
    }
}
