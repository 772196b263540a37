package org.stasis.ui.internal.restore;

/** Where a restored tree is shown once it runs: the Processes view, with its root selected. */
interface RestoredTreeView {

    /** Brings the view to the front and selects pid (a host pid) as soon as the view lists it. Any thread. */
    void show(int pid);
}
