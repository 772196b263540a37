package org.stasis.core.restore;

import java.util.Objects;

/**
 * The outcome of one pre-flight check.
 *
 * @param title what was checked, in a few words ("Original PIDs")
 * @param status good, a warning, or blocking
 * @param explanation what was found and, when it is not good, what it means and what to do
 */
public record PreflightItem(String title, PreflightStatus status, String explanation) {

    public PreflightItem {
        Objects.requireNonNull(title, "title"); //$NON-NLS-1$
        Objects.requireNonNull(status, "status"); //$NON-NLS-1$
        Objects.requireNonNull(explanation, "explanation"); //$NON-NLS-1$
    }
}
