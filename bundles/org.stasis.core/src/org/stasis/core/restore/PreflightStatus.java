package org.stasis.core.restore;

/** How a pre-flight item came out, from good to blocking. */
public enum PreflightStatus {
    /** Nothing to worry about. */
    OK,
    /** The restore can go ahead, but something differs from when the image was made. */
    WARNING,
    /** The restore would fail or do harm: it must not start. */
    ERROR;

    /** @return the worse of the two */
    public PreflightStatus worst(PreflightStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
