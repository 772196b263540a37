package org.stasis.core.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.stasis.model.CheckpointSchedule;

/**
 * Which images of a schedule to keep: the newest {@code keepLast}; with {@code hourlyForHours} H also
 * the newest image of each of the last H calendar hours (the current one included); with
 * {@code dailyForDays} D the newest of each of the last D calendar days in the scheduler's time zone.
 * An image kept for one reason counts for all. Calendar buckets, not sliding windows: once an hour is
 * over its image stays the kept one until the hour leaves the span.
 */
public final class Retention {

    private Retention() {
    }

    /** @return the most images the policy can keep at once */
    public static int maxImagesKept(CheckpointSchedule schedule) {
        return Math.max(1, schedule.getKeepLast()) + Math.max(0, schedule.getHourlyForHours())
                + Math.max(0, schedule.getDailyForDays());
    }

    /**
     * @return the disk the retention takes when every image is imageBytes, counting the one being
     *         written while all kept ones still exist (the oldest goes only after the new one is done)
     */
    public static long diskNeeded(CheckpointSchedule schedule, long imageBytes) {
        return (maxImagesKept(schedule) + 1L) * Math.max(0, imageBytes);
    }

    /**
     * @param images the schedule's images, in any order
     * @return those the policy does not keep at time now, oldest first
     */
    public static List<ScheduleImage> toDelete(CheckpointSchedule schedule, List<ScheduleImage> images, Instant now,
            ZoneId zone) {
        List<ScheduleImage> newestFirst = new ArrayList<>(images);
        newestFirst.sort(Comparator.comparing(ScheduleImage::time).reversed());
        Set<ScheduleImage> keep = new HashSet<>(newestFirst.subList(0, Math.min(newestFirst.size(), schedule.getKeepLast())));
        keepNewestPerBucket(newestFirst, keep, schedule.getHourlyForHours(), now, zone, ChronoUnit.HOURS);
        keepNewestPerBucket(newestFirst, keep, schedule.getDailyForDays(), now, zone, ChronoUnit.DAYS);
        List<ScheduleImage> delete = new ArrayList<>(newestFirst);
        delete.removeAll(keep);
        delete.sort(Comparator.comparing(ScheduleImage::time));
        return delete;
    }

    private static void keepNewestPerBucket(List<ScheduleImage> newestFirst, Set<ScheduleImage> keep, int buckets,
            Instant now, ZoneId zone, ChronoUnit unit) {
        if (buckets <= 0) {
            return;
        }
        Function<Instant, ZonedDateTime> bucketOf = t -> t.atZone(zone).truncatedTo(unit);
        ZonedDateTime oldest = bucketOf.apply(now).minus(buckets - 1L, unit);
        Set<ZonedDateTime> seen = new HashSet<>();
        for (ScheduleImage image : newestFirst) {
            ZonedDateTime bucket = bucketOf.apply(image.time());
            if (!bucket.isBefore(oldest) && seen.add(bucket)) {
                keep.add(image);
            }
        }
    }
}
