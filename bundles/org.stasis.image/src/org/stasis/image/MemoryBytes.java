package org.stasis.image;

import java.util.BitSet;

/**
 * Bytes of a process's address range as the image stores them. Pages the image does not store
 * (never touched, or restored from their file) are absent, which is not the same as zero: a hex
 * view shows them as unknown.
 */
public final class MemoryBytes {

    private final long address;
    private final byte[] data;
    private final BitSet present;

    /** data is owned by this object from now on; absent bytes in it are 0. */
    public MemoryBytes(long address, byte[] data, BitSet present) {
        this.address = address;
        this.data = data;
        this.present = (BitSet) present.clone();
    }

    /** Virtual address of the first byte. */
    public long address() {
        return address;
    }

    public int length() {
        return data.length;
    }

    /** Whether byte {@code index} of the range is stored in the image. */
    public boolean isPresent(int index) {
        return index >= 0 && index < data.length && present.get(index);
    }

    /** The byte at index; check {@link #isPresent(int)} first (absent bytes read as 0 here). */
    public byte get(int index) {
        return data[index];
    }

    /** Every byte of the range stored in the image. */
    public boolean isComplete() {
        return present.nextClearBit(0) >= data.length;
    }

    /** A copy of the bytes; absent ones are 0. */
    public byte[] toArray() {
        return data.clone();
    }
}
