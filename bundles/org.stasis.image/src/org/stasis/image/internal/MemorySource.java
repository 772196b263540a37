package org.stasis.image.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** An image held in memory: lets tests and the fuzzer open thousands of variants without disk I/O. */
public final class MemorySource implements ImageSource {

    private final String name;
    private final ByteBuffer bytes;

    public MemorySource(String name, byte[] image) {
        this.name = name;
        this.bytes = ByteBuffer.wrap(image).asReadOnlyBuffer();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return bytes.capacity();
    }

    @Override
    public ByteBuffer read(long offset, int length) {
        return view(offset, length);
    }

    @Override
    public ByteBuffer view(long offset, int length) {
        return bytes.slice(Math.toIntExact(offset), length).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void close() {
    }
}
