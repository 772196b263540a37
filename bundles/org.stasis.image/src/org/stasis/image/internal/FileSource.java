package org.stasis.image.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.stasis.image.ImageFormatException;

/**
 * An image file. Metadata is read with positional reads; page data is mapped in bounded windows,
 * so a large image costs address space only for the window in use and never heap.
 */
public final class FileSource implements ImageSource {

    /** 64 MiB: few mappings for a sequential check, little address space for a random look. */
    private static final long WINDOW = 64L << 20;

    private final String name;
    private final FileChannel channel;
    private final long size;
    private MappedByteBuffer window;
    private long windowStart;

    private FileSource(String name, FileChannel channel, long size) {
        this.name = name;
        this.channel = channel;
        this.size = size;
    }

    public static FileSource open(Path file) throws IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file) && Files.exists(file)) {
            throw new ImageFormatException(name, ImageFormatException.NO_OFFSET, "not a regular file");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(name, null,
                    "permission denied (images are created mode 0600, readable only by their owner: run as the owner or root)");
        }
        try {
            return new FileSource(name, channel, channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public ByteBuffer read(long offset, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) < 0) {
                throw new ImageFormatException(name, offset + buf.position(),
                        "the file ended early: it shrank while being read (is a dump still writing it?)");
            }
        }
        return buf.flip();
    }

    @Override
    public synchronized ByteBuffer view(long offset, int length) throws IOException {
        long start = offset / WINDOW * WINDOW;
        if (offset + length <= start + WINDOW) {
            if (window == null || windowStart != start) {
                window = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(WINDOW, size - start));
                windowStart = start;
            }
            return window.slice((int) (offset - start), length).order(ByteOrder.LITTLE_ENDIAN);
        }
        // straddles two windows (PAGES is only 4 KiB aligned): map just this range
        return channel.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public synchronized void close() throws IOException {
        window = null;
        channel.close();
    }
}
