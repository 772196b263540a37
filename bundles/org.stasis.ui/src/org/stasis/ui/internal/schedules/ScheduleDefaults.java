package org.stasis.ui.internal.schedules;

import java.nio.file.Path;
import java.util.Locale;

import org.stasis.core.processes.ProcessInfo;
import org.stasis.model.CheckpointSchedule;

/** What a new schedule starts with: every 15 minutes, the last 5 images, in the checkpoint folder. */
final class ScheduleDefaults {

    static final long INTERVAL_SECONDS = 15 * 60;
    static final int KEEP_LAST = 5;
    private static final String FALLBACK_NAME = "schedule"; //$NON-NLS-1$
    /** Characters with a meaning in java.util.regex that a command line may contain. */
    private static final String REGEX_SPECIALS = "\\^$.|?*+()[]{}"; //$NON-NLS-1$

    private ScheduleDefaults() {
    }

    /** A schedule of nothing yet, for New… in the Schedules view. */
    static CheckpointSchedule blank(Path checkpointFolder) {
        CheckpointSchedule schedule = new CheckpointSchedule();
        schedule.setName(FALLBACK_NAME);
        schedule.setFolder(checkpointFolder.resolve(FALLBACK_NAME).toString());
        schedule.setIntervalSeconds(INTERVAL_SECONDS);
        schedule.setKeepLast(KEEP_LAST);
        schedule.setEnabled(true);
        return schedule;
    }

    /**
     * A schedule of process by its pid, named after it and with the command-line pattern and user
     * filled in, so that switching to "any process whose command matches" needs no typing.
     */
    static CheckpointSchedule forProcess(ProcessInfo process, Path checkpointFolder) {
        String name = nameFor(process.name());
        CheckpointSchedule schedule = blank(checkpointFolder);
        schedule.setName(name);
        schedule.setFolder(checkpointFolder.resolve(name).toString());
        schedule.setTargetPid((int) process.pid());
        schedule.setUser(process.user());
        return schedule;
    }

    /** @return the pattern the dialog offers for process: its command line from the start, taken literally */
    static String patternFor(ProcessInfo process) {
        return "^" + literal(process.commandLine()); //$NON-NLS-1$
    }

    /**
     * @return a schedule name from a process name: image names are NAME-TIME.stasis, so only letters,
     *         digits, '.', '_' and '-' stay, and it starts with a letter or digit
     */
    static String nameFor(String processName) {
        String cleaned = processName.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        return cleaned.isEmpty() ? FALLBACK_NAME : cleaned.toLowerCase(Locale.ROOT);
    }

    /** Backslashes what regex would read as syntax; readable where Pattern.quote's \Q...\E is not. */
    private static String literal(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (REGEX_SPECIALS.indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
