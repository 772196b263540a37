package org.stasis.core.tests.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.stasis.core.schedule.Retention;
import org.stasis.core.schedule.ScheduleImage;
import org.stasis.model.CheckpointSchedule;

/** Keep the last N, one per hour for H hours, one per day for D days. */
@SuppressWarnings("nls")
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:30:00Z");

    /** Images every 10 minutes for three days up to now. */
    private static List<ScheduleImage> everyTenMinutes() {
        List<ScheduleImage> images = new ArrayList<>();
        for (Instant t = NOW.minus(Duration.ofDays(3)); !t.isAfter(NOW); t = t.plus(Duration.ofMinutes(10))) {
            images.add(new ScheduleImage(Path.of("/i/" + t), t));
        }
        return images;
    }

    private static Set<String> kept(int last, int hours, int days) {
        CheckpointSchedule s = new CheckpointSchedule();
        s.setKeepLast(last);
        s.setHourlyForHours(hours);
        s.setDailyForDays(days);
        List<ScheduleImage> all = everyTenMinutes();
        all.removeAll(Retention.toDelete(s, all, NOW, ZoneOffset.UTC));
        Set<String> times = new TreeSet<>();
        all.forEach(i -> times.add(i.time().toString()));
        return times;
    }

    @Test
    void keepLastOnly() {
        assertEquals(Set.of("2026-11-22T10:10:00Z", "2026-11-22T10:20:00Z", "2026-11-22T10:30:00Z"), kept(3, 0, 0));
    }

    @Test
    void hourlyKeepsTheNewestOfEachOfTheLastHours() {
        assertEquals(Set.of("2026-11-22T07:50:00Z", "2026-11-22T08:50:00Z", "2026-11-22T09:50:00Z",
                "2026-11-22T10:30:00Z"), kept(1, 4, 0));
    }

    @Test
    void dailyKeepsTheNewestOfEachOfTheLastDays() {
        assertEquals(Set.of("2026-11-20T23:50:00Z", "2026-11-21T23:50:00Z", "2026-11-22T10:20:00Z",
                "2026-11-22T10:30:00Z"), kept(2, 0, 3));
    }

    @Test
    void reasonsCombineAndImagesCountOnce() {
        Set<String> kept = kept(2, 3, 2);
        assertEquals(Set.of("2026-11-21T23:50:00Z", "2026-11-22T08:50:00Z", "2026-11-22T09:50:00Z",
                "2026-11-22T10:20:00Z", "2026-11-22T10:30:00Z"), kept);
        CheckpointSchedule s = new CheckpointSchedule();
        s.setKeepLast(2);
        s.setHourlyForHours(3);
        s.setDailyForDays(2);
        assertEquals(7, Retention.maxImagesKept(s));
        assertEquals(8 * 100L, Retention.diskNeeded(s, 100), "the kept ones and the one being written");
    }
}
