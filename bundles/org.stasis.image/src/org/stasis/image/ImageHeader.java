package org.stasis.image;

import java.time.Instant;
import java.util.Optional;

/**
 * The fixed header of an image (docs/image-format.md, "Header"), already validated.
 *
 * @param formatMajor   1 for every image this reader accepts
 * @param formatMinor   any; a newer minor only adds what this reader ignores
 * @param headerSize    bytes of header, CRC included (256 in 1.0)
 * @param imageId       32 lowercase hex digits, unique per image
 * @param parentId      the image this one is an increment of; empty for a full checkpoint
 * @param created       when the dump was made
 * @param pageSize      always 4096 today
 * @param flags         reserved header flags (0 in 1.0)
 * @param arch          {@code uname -m} of the dumping host
 * @param kernelRelease {@code uname -r} of the dumping host
 * @param hostname      {@code uname -n} of the dumping host
 * @param fileSize      total size of the file in bytes
 */
public record ImageHeader(int formatMajor, int formatMinor, int headerSize, String imageId,
        Optional<String> parentId, Instant created, int pageSize, int flags, String arch,
        String kernelRelease, String hostname, long fileSize) {

    /** "1.0" */
    public String formatVersion() {
        return formatMajor + "." + formatMinor;
    }

    /** True for an increment of another image (its pages are partly in the parent). */
    public boolean isIncremental() {
        return parentId.isPresent();
    }
}
