package org.stasis.ui;

/**
 * Asks the Processes view to show and select a process, through the event broker:
 * {@code broker.post(ProcessSelection.TOPIC, pid)} with the pid as an Integer or Long. The view
 * selects it as soon as its tree holds it: a process started a moment ago appears with the view's
 * next refresh.
 */
public final class ProcessSelection {

    /** The event topic; the event's data is the pid. */
    public static final String TOPIC = "org/stasis/ui/processes/select"; //$NON-NLS-1$

    /** The Processes view's part in Application.e4xmi. */
    public static final String PART_ID = "org.stasis.ui.part.processes"; //$NON-NLS-1$

    private ProcessSelection() {
    }
}
