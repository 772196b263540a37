package org.stasis.model;

import java.util.Objects;

/**
 * What the model needs from an image file's header, passed as plain values so that the model does not
 * depend on the reader's API.
 *
 * @param imageId the image's id
 * @param parentImageId the id of the image this one is incremental to, "" for a full image
 * @param formatVersion the file format version, "major.minor"
 * @param fileSize the size of the .stasis file in bytes
 */
public record HeaderFacts(String imageId, String parentImageId, String formatVersion, long fileSize) {

    public HeaderFacts {
        Objects.requireNonNull(imageId, "imageId"); //$NON-NLS-1$
        Objects.requireNonNull(parentImageId, "parentImageId"); //$NON-NLS-1$
        Objects.requireNonNull(formatVersion, "formatVersion"); //$NON-NLS-1$
    }
}
