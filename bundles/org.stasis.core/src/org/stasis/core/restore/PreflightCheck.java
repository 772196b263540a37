package org.stasis.core.restore;

/**
 * One question asked before a restore touches anything. Checks only look: at the image's
 * metadata and at what was read of this host; they never change either.
 */
public interface PreflightCheck {

    PreflightItem check(RestoreCandidate image, HostState host);
}
