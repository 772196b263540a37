package org.stasis.core.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.stasis.image.ImageHeader;
import org.stasis.image.StasisImage;
import org.stasis.image.proto.Image;

/**
 * An image about to be restored, as far as the pre-flight checks need it: its header and metadata,
 * read without its page data.
 *
 * @param file the image file
 * @param header the validated header
 * @param metadata the processes, files and memory layout
 * @param pagesBytes bytes of page data stored: the memory the restore fills
 */
public record RestoreCandidate(Path file, ImageHeader header, Image metadata, long pagesBytes) {

    public RestoreCandidate {
        Objects.requireNonNull(file, "file"); //$NON-NLS-1$
        Objects.requireNonNull(header, "header"); //$NON-NLS-1$
        Objects.requireNonNull(metadata, "metadata"); //$NON-NLS-1$
    }

    /**
     * Reads and validates the image's header and metadata (never its pages).
     *
     * @throws IOException the file cannot be read or is not a valid image; the message says why
     */
    public static RestoreCandidate read(Path file) throws IOException {
        try (StasisImage image = StasisImage.open(file)) {
            return new RestoreCandidate(file, image.header(), image.metadata(), image.pagesLength());
        }
    }
}
