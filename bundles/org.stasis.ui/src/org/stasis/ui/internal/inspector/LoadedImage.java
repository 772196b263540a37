package org.stasis.ui.internal.inspector;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.stasis.image.ImageHeader;
import org.stasis.image.StasisImage;
import org.stasis.model.HeaderFacts;
import org.stasis.model.Image;
import org.stasis.model.ImageModels;

/**
 * An image file opened for inspection: the open reader (kept for lazy page reads by the hex view)
 * and the model of its metadata. Close it when the inspector closes.
 */
record LoadedImage(Path path, StasisImage file, Image model) implements AutoCloseable {

    /**
     * Opens and validates the file, then builds its model. Blocking: call it from a Job.
     *
     * @throws OperationCanceledException the monitor was canceled (the file is closed again)
     * @throws IOException the file cannot be read or is not a valid image
     */
    static LoadedImage load(Path path, IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, 10);
        progress.subTask(Messages.Load_Reading);
        // the reader checks header, sections and metadata checksums in one call: not interruptible,
        // but its cost is the metadata's, never the page data's
        StasisImage file = StasisImage.open(path);
        try {
            progress.split(6);
            progress.subTask(Messages.Load_Model);
            ImageHeader h = file.header();
            Image model = ImageModels.toModel(file.metadata(),
                    new HeaderFacts(h.imageId(), h.parentId().orElse(""), h.formatVersion(), h.fileSize())); //$NON-NLS-1$
            progress.split(4);
            return new LoadedImage(path, file, model);
        } catch (RuntimeException e) { // canceled, or a model the converter rejects: do not leak the file
            file.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
