package org.stasis.image;

import java.io.IOException;

/**
 * The file is not a readable .stasis image: damaged, truncated, hostile, or written by a newer
 * Stasis. The message names the file, the byte offset (when one is to blame) and what is wrong,
 * in words a user can act on; {@link #offset()} gives the offset to tools.
 */
public final class ImageFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** {@link #offset()} when no single byte offset is to blame. */
    public static final long NO_OFFSET = -1;

    private final long offset;

    public ImageFormatException(String file, long offset, String problem) {
        super(format(file, offset, problem));
        this.offset = offset;
    }

    public ImageFormatException(String file, long offset, String problem, Throwable cause) {
        this(file, offset, problem);
        initCause(cause);
    }

    private static String format(String file, long offset, String problem) {
        String where = offset >= 0 ? " (byte " + offset + ")" : "";
        return "image " + file + where + ": " + problem;
    }

    /** The absolute file offset at fault, or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }
}
