package org.stasis.image;

/** Progress of a long check over page data, and the way to cancel it. */
public interface ProgressListener {

    /** Reports nothing and never cancels. */
    ProgressListener NONE = (done, total) -> {
    };

    /** Called after each checked chunk. */
    void progress(long doneBytes, long totalBytes);

    /** Polled between chunks; true stops the work at the next chunk boundary. */
    default boolean isCanceled() {
        return false;
    }
}
