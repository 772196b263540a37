package org.stasis.ui.internal.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.model.CheckpointSchedule;
import org.stasis.ui.tests.UiDriver;

/**
 * The dialog's target probe: its results arrive on the display thread later than the job ends, so a
 * dialog closed in between (the probe cancelled) must not be handed a result.
 */
class TargetProbeTest {

    @TempDir
    Path folder;

    @Test
    void aResultOnItsWayWhenCancelledIsDropped() throws InterruptedException {
        Display display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        UiDriver ui = new UiDriver(display);
        List<TargetProbe.Found> shown = new ArrayList<>();
        TargetProbe probe = new TargetProbe(display, shown::add);

        probe.probe(ownSchedule());
        // the job ends, its result queued for the display thread, which has not run it yet
        waitForProbeJob();
        probe.cancel();
        ui.pause(300);
        assertEquals(List.of(), shown, "a cancelled probe's result reached the dialog");

        // and the probe still works afterwards: a new request is answered, once
        probe.probe(ownSchedule());
        ui.waitUntil("the probe's answer", Duration.ofSeconds(10), () -> !shown.isEmpty());
        ui.pause(300);
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).target().isPresent(), "this test's own process is running");
        assertTrue(shown.get(0).freeBytes().isPresent(), "the temporary folder has free space");
    }

    private CheckpointSchedule ownSchedule() {
        CheckpointSchedule schedule = new CheckpointSchedule();
        schedule.setName("probe");
        schedule.setTargetPid((int) ProcessHandle.current().pid());
        schedule.setFolder(folder.toString());
        return schedule;
    }

    /** Waits, without running the display's queue, until no probe job is waiting or running. */
    private static void waitForProbeJob() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Arrays.stream(Job.getJobManager().find(null)).anyMatch(j -> Messages.Probe_Job.equals(j.getName()))) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the probe job did not end");
            }
            Thread.sleep(20);
        }
    }
}
