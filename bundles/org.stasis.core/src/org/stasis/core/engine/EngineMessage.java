package org.stasis.core.engine;

/**
 * A message of the engine, in its own words (they name the pid, the resource and what to do).
 *
 * @param level "info", "warning" or "error"
 * @param text the message
 */
public record EngineMessage(String level, String text) {

    public boolean isError() {
        return "error".equals(level); //$NON-NLS-1$
    }

    public boolean isWarning() {
        return "warning".equals(level); //$NON-NLS-1$
    }
}
