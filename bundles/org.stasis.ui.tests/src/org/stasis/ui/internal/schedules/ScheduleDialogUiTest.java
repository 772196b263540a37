package org.stasis.ui.internal.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stasis.ui.tests.UiDriver.byId;
import static org.stasis.ui.tests.UiDriver.shows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessReader;
import org.stasis.core.schedule.CheckpointException;
import org.stasis.model.CheckpointSchedule;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.tests.UiDriver;

/**
 * The scheduler dialog on a live process, driven with real key and mouse events: it judges every
 * keystroke (problem in the title area, OK disabled), explains the timing, estimates the disk, and
 * what it saves shows in the Schedules view.
 */
class ScheduleDialogUiTest {

    @TempDir
    Path dir;
    private Process sleep;
    private SchedulerUi host;
    private ProcessInfo target;

    @BeforeEach
    void start() throws IOException {
        sleep = new ProcessBuilder("sleep", "300").start();
        // no checkpoint is wanted here: a run that fires anyway is recorded as failed, not taken
        host = new SchedulerUi(dir.resolve("schedules.xmi"), (pid, image) -> {
            throw new CheckpointException("the dialog tests take no checkpoints");
        });
        ProcessReader reader = new ProcessReader();
        target = host.ui.waitFor("the sleep in /proc", SchedulerUi.SHORT, () -> {
            try {
                return reader.read(Optional.empty()).byPid(sleep.pid());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (host != null) {
            host.close();
        }
        sleep.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Opens the dialog as "Checkpoint periodically…" on the sleep does. */
    private Shell openForTarget() {
        Shell parent = host.shell("Processes", 400, 200);
        parent.open();
        CheckpointSchedule initial = ScheduleDefaults.forProcess(target, dir.resolve("images"));
        new ScheduleDialog(parent, host.scheduler.scheduler().orElseThrow(), initial, ScheduleDefaults.patternFor(target))
                .open();
        Shell dialog = host.dialog();
        host.ui.settle();
        return dialog;
    }

    private static Button ok(Shell dialog) {
        return UiDriver.findAll(dialog, Button.class, b -> b.getData() instanceof Integer id && id == IDialogConstants.OK_ID)
                .get(0);
    }

    private static Text text(Shell dialog, String id) {
        return byId(dialog, Text.class, id);
    }

    @Test
    void aBadCronExpressionIsRefusedAndAGoodOneExplainedWithItsNextRuns() {
        Shell dialog = openForTarget();
        assertTrue(ok(dialog).isEnabled(), "the defaults for a live process are valid");
        host.ui.click(byId(dialog, Button.class, WidgetIds.SCHEDULE_BY_CRON));
        host.ui.waitUntil("cron chosen", SchedulerUi.SHORT,
                () -> byId(dialog, Button.class, WidgetIds.SCHEDULE_BY_CRON).getSelection());

        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_CRON), "*/15 * *");
        assertTrue(shows(dialog, "is not a cron expression of five fields"), "the title area says what is wrong");
        assertFalse(ok(dialog).isEnabled(), "OK refused while the cron expression is bad");

        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_CRON), "*/15 * * * *");
        assertEquals("every 15 minutes", byId(dialog, Label.class, WidgetIds.SCHEDULE_WHEN).getText());
        String next = byId(dialog, Label.class, WidgetIds.SCHEDULE_NEXT_RUNS).getText();
        assertTrue(next.matches("Next runs: (\\d{4}-\\d\\d-\\d\\d \\d\\d:(00|15|30|45):00(, )?){3}"), next);
        assertTrue(ok(dialog).isEnabled(), "OK allowed again");
        assertFalse(shows(dialog, "is not a cron expression"), "the problem is gone");
    }

    @Test
    void anIntervalOfZeroIsRefused() {
        Shell dialog = openForTarget();
        assertEquals("every 15 minutes", byId(dialog, Label.class, WidgetIds.SCHEDULE_WHEN).getText());
        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_INTERVAL), "0");
        assertTrue(shows(dialog, Messages.Problem_Interval), "the title area says why");
        assertFalse(ok(dialog).isEnabled());

        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_INTERVAL), "5");
        assertEquals("every 5 minutes", byId(dialog, Label.class, WidgetIds.SCHEDULE_WHEN).getText());
        assertTrue(ok(dialog).isEnabled());
    }

    @Test
    void keepingNoImageIsRefused() {
        Shell dialog = openForTarget();
        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_KEEP_LAST), "0");
        assertTrue(shows(dialog, "keep at least the newest image"), "the core validator's reason is shown");
        assertFalse(ok(dialog).isEnabled());

        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_KEEP_LAST), "x");
        assertTrue(shows(dialog, "'x' is not a whole number"));
        assertFalse(ok(dialog).isEnabled());

        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_KEEP_LAST), "3");
        assertTrue(ok(dialog).isEnabled());
    }

    @Test
    void theDiskEstimateUsesTheTargetsMemoryAndTheRetention() {
        Shell dialog = openForTarget();
        Label disk = byId(dialog, Label.class, WidgetIds.SCHEDULE_DISK);
        // keep 5: up to 5 images, 6 with the one being written
        host.ui.waitUntil("the estimate (shows " + disk.getText() + ")", SchedulerUi.SHORT,
                () -> disk.getText().matches("Disk: up to 5 images of about [\\d.]+ [KMG]iB .* take [\\d.]+ [KMG]iB.*; [\\d.]+ [KMGT]iB free\\."));
        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_HOURLY), "24");
        host.ui.waitUntil("the estimate follows the retention (shows " + disk.getText() + ")", SchedulerUi.SHORT,
                () -> disk.getText().startsWith("Disk: up to 29 images"));
        String example = byId(dialog, Label.class, WidgetIds.SCHEDULE_EXAMPLE).getText();
        assertTrue(example.matches(Pattern.quote("Images go to " + dir.resolve("images").resolve("sleep") + "/sleep-")
                + "\\d{8}T\\d{6}Z\\.stasis"),
                example);
    }

    @Test
    void aScheduleMadeWithNewShowsInTheSchedulesViewWithItsNextRun() {
        SchedulesPart view = host.schedulesView();
        host.ui.click(byId(view.viewer().getControl().getShell(), Button.class, WidgetIds.SCHEDULES_NEW));
        Shell dialog = host.dialog();
        assertFalse(ok(dialog).isEnabled(), "a new schedule has no process yet");
        assertTrue(shows(dialog, "choose the process"), "and the title area says so");

        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_NAME), "sim");
        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_PID), Long.toString(sleep.pid()));
        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_FOLDER), dir.resolve("sim").toString());
        host.ui.click(byId(dialog, Button.class, WidgetIds.SCHEDULE_BY_CRON));
        host.ui.replaceText(text(dialog, WidgetIds.SCHEDULE_CRON), "*/15 * * * *");
        host.ui.waitUntil("OK enabled", SchedulerUi.SHORT, () -> ok(dialog).isEnabled());
        host.ui.click(ok(dialog));
        host.ui.waitUntil("the dialog closed", SchedulerUi.SHORT, dialog::isDisposed);

        CheckpointSchedule saved = host.saved("sim");
        assertEquals((int) sleep.pid(), saved.getTargetPid());
        assertEquals("*/15 * * * *", saved.getCronExpression());
        Table table = view.viewer().getTable();
        TableItem row = host.ui.waitFor("the row of sim", SchedulerUi.SHORT, () -> UiDriver.tableItem(table, 0, "sim"));
        assertEquals("pid " + sleep.pid(), row.getText(ScheduleColumn.TARGET.ordinal()));
        assertEquals("every 15 minutes", row.getText(ScheduleColumn.WHEN.ordinal()));
        String next = row.getText(ScheduleColumn.NEXT_RUN.ordinal());
        assertTrue(next.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:(00|15|30|45):00"), "next run at a quarter hour: " + next);
        assertEquals("0", row.getText(ScheduleColumn.IMAGES.ordinal()));
    }
}
