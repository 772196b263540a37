package org.stasis.ui.internal.restore;

/** Where fds that were a terminal go after the restore. */
enum OutputTarget {
    /** Appended to a file the user names (a log). */
    FILE,
    /** Dropped. */
    DEV_NULL,
    /** As in the image: a terminal, so only when attached to one. */
    KEEP
}
