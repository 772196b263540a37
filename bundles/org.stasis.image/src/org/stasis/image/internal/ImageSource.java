package org.stasis.image.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The bytes of an image: a file, or memory (tests, fuzzing). Callers check every range against
 * {@link #size()} before asking for it, so an implementation never sizes anything from the file.
 */
public interface ImageSource extends Closeable {

    /** How the image is named in messages. */
    String name();

    long size();

    /** A copy of [offset, offset + length) in a heap buffer, little-endian. */
    ByteBuffer read(long offset, int length) throws IOException;

    /** A read-only view of [offset, offset + length), little-endian; possibly mapped (no copy). */
    ByteBuffer view(long offset, int length) throws IOException;
}
