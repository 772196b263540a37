package org.stasis.ui;

import java.nio.file.Path;

/**
 * Opens image files in the image inspector. Registered in the application's e4 context: inject it
 * (for example to show the result of a checkpoint) rather than creating inspector parts by hand.
 */
public interface InspectorService {

    /**
     * Shows the image in an inspector part: activates the part already showing this file, or opens
     * a new one that loads it in the background. Safe to call from any thread.
     */
    void open(Path image);
}
