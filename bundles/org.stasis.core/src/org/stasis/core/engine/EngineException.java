package org.stasis.core.engine;

import java.util.List;

/**
 * An engine command that did not succeed. The message is the engine's own error text (naming the
 * pid, the resource and what to do), or, when the engine could not say, what happened to it.
 */
public class EngineException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final boolean canceled;
    private final transient List<EngineMessage> messages;

    public EngineException(String message, int exitCode, boolean canceled, List<EngineMessage> messages) {
        super(message);
        this.exitCode = exitCode;
        this.canceled = canceled;
        this.messages = List.copyOf(messages);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = -1;
        this.canceled = false;
        this.messages = List.of();
    }

    /** @return the helper's exit code (1 failure, 2 usage), or -1 when it did not run or died */
    public int exitCode() {
        return exitCode;
    }

    /** @return the command stopped because the monitor asked it to */
    public boolean isCanceled() {
        return canceled;
    }

    /** @return every message the engine printed before it failed */
    public List<EngineMessage> messages() {
        return messages;
    }
}
