package org.stasis.ui.internal.inspector;

import org.stasis.model.Process;

/** A tab of the inspector that shows one process of the image at a time. */
interface InspectorTab {

    /** Shows this process (called on the UI thread, again whenever the user picks another one). */
    void show(Process process);
}
