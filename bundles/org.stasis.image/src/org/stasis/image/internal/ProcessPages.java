package org.stasis.image.internal;

import java.io.IOException;
import java.util.BitSet;

import org.stasis.image.MemoryBytes;
import org.stasis.image.proto.PageRun;
import org.stasis.image.proto.Process;
import org.stasis.image.proto.Vma;

/**
 * Where a process's stored pages are: its page runs flattened into one array sorted by address
 * (validated VMAs are sorted and disjoint, and runs sorted within each), so an address is found
 * by binary search.
 */
public final class ProcessPages {

    private final PageStore store;
    private final long[] address;
    private final long[] end;
    private final long[] offset;

    public ProcessPages(PageStore store, Process process) {
        this.store = store;
        int n = 0;
        for (Vma v : process.getMm().getVmasList()) {
            n += v.getPagesCount();
        }
        address = new long[n];
        end = new long[n];
        offset = new long[n];
        int i = 0;
        for (Vma v : process.getMm().getVmasList()) {
            for (PageRun r : v.getPagesList()) {
                address[i] = r.getAddress();
                end[i] = r.getAddress() + (r.getCount() << Layout.PAGE_SHIFT);
                offset[i] = r.getOffset();
                i++;
            }
        }
    }

    /** Bytes [start, start + length) of the address space; length must not wrap past 2^64. */
    public MemoryBytes read(long start, int length) throws IOException {
        byte[] data = new byte[length];
        BitSet present = new BitSet(length);
        long limit = start + length;
        long pos = start;
        while (Long.compareUnsigned(pos, limit) < 0) {
            int r = lastRunAtOrBelow(pos);
            if (r >= 0 && Long.compareUnsigned(pos, end[r]) < 0) {
                int n = (int) (unsignedMin(limit, end[r]) - pos);
                int at = (int) (pos - start);
                store.copy(offset[r] + (pos - address[r]), data, at, n);
                present.set(at, at + n);
                pos += n;
            } else {
                pos = r + 1 < address.length ? unsignedMin(limit, address[r + 1]) : limit;
            }
        }
        return new MemoryBytes(start, data, present);
    }

    private int lastRunAtOrBelow(long pos) {
        int lo = 0;
        int hi = address.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(address[mid], pos) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }
}
