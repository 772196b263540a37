package org.stasis.core.schedule;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stasis.model.CheckpointSchedule;

/**
 * Where a schedule's images go and which files in its folder are its images.
 * <p>
 * Names are {@code NAME-20261122T103000Z.stasis}: UTC, so that they sort by time in any listing and
 * do not jump at daylight-saving changes. A second image in the same second gets {@code _1},
 * {@code _2} after the time ('_' sorts after '.', so it still lists after the first). Only files of
 * exactly this form belong to the schedule; retention never touches anything else in the folder.
 */
@SuppressWarnings("nls") // file name syntax
public final class ScheduleImages {

    public static final String EXTENSION = ".stasis";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern STAMPED = Pattern.compile("-(\\d{8}T\\d{6}Z)(?:_\\d+)?" + Pattern.quote(EXTENSION));

    private ScheduleImages() {
    }

    /** @return the folder the schedule's images go to */
    public static Path folder(CheckpointSchedule schedule) {
        return Path.of(schedule.getFolder());
    }

    /** @return the name of an image taken at the given time, e.g. for a dialog's preview */
    public static Path imagePath(CheckpointSchedule schedule, Instant time) {
        return folder(schedule).resolve(schedule.getName() + "-" + STAMP.format(time) + EXTENSION);
    }

    /** @return {@link #imagePath} or, when that file exists, the first free name with a _N suffix */
    public static Path freeImagePath(CheckpointSchedule schedule, Instant time) {
        Path path = imagePath(schedule, time);
        String stem = schedule.getName() + "-" + STAMP.format(time);
        for (int n = 1; Files.exists(path); n++) {
            path = folder(schedule).resolve(stem + "_" + n + EXTENSION);
        }
        return path;
    }

    /** @return the schedule's images in its folder, newest first; none when the folder does not exist */
    public static List<ScheduleImage> list(CheckpointSchedule schedule) throws IOException {
        List<ScheduleImage> images = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder(schedule))) {
            for (Path file : files) {
                timeOf(schedule, file.getFileName().toString())
                        .ifPresent(time -> images.add(new ScheduleImage(file, time)));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        images.sort(Comparator.comparing(ScheduleImage::time).thenComparing(ScheduleImage::path).reversed());
        return images;
    }

    /** @return the time in fileName when it is an image name of this schedule */
    static Optional<Instant> timeOf(CheckpointSchedule schedule, String fileName) {
        String prefix = schedule.getName();
        if (!fileName.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher m = STAMPED.matcher(fileName.substring(prefix.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(STAMP.parse(m.group(1), Instant::from).truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // e.g. month 13: someone else's file that happens to look like ours
        }
    }
}
