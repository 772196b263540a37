package org.stasis.core.schedule;

/** A checkpoint failed; the message is the engine's (it names the pid, the resource and what to do). */
public final class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
