package org.stasis.core.internal.processes;

/**
 * A {@code /proc} file did not have the expected shape. Unchecked because it can only come from a
 * truncated read (the process exited mid-read) or a kernel we do not understand; the reader treats it
 * like a vanished process.
 */
public final class ProcFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ProcFormatException(String message) {
        super(message);
    }
}
