package org.stasis.ui.internal.schedules;

import java.util.OptionalLong;

import org.eclipse.osgi.util.NLS;
import org.stasis.core.schedule.Retention;
import org.stasis.model.CheckpointSchedule;
import org.stasis.ui.internal.inspector.Formats;

/**
 * How much disk a schedule's retention takes if every image is as big as the target's memory now,
 * against the free space of its folder.
 *
 * @param images    the most images the retention keeps
 * @param perImage  the expected size of one image (the tree's resident memory)
 * @param needed    the disk the kept images plus the one being written take
 * @param freeBytes the free space of the folder's file system, when it could be read
 */
record DiskEstimate(int images, long perImage, long needed, OptionalLong freeBytes) {

    static DiskEstimate of(CheckpointSchedule schedule, long targetBytes, OptionalLong freeBytes) {
        return new DiskEstimate(Retention.maxImagesKept(schedule), targetBytes, Retention.diskNeeded(schedule, targetBytes),
                freeBytes);
    }

    /** @return true when the folder's file system has less room than the retention needs */
    boolean exceedsFreeSpace() {
        return freeBytes.isPresent() && needed > freeBytes.getAsLong();
    }

    /** @return e.g. "up to 6 images of about 12 MiB (the target's memory now): 84 MiB with the one being written; 40 GiB free" */
    String text() {
        String need = NLS.bind(Messages.Disk_Needed, new Object[] { Integer.toString(images), Formats.bytes(perImage),
                Formats.bytes(needed) });
        if (freeBytes.isEmpty()) {
            return NLS.bind(Messages.Disk_FreeUnknown, need);
        }
        return NLS.bind(exceedsFreeSpace() ? Messages.Disk_TooLittle : Messages.Disk_Free, need,
                Formats.bytes(freeBytes.getAsLong()));
    }
}
