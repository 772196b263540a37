package org.stasis.ui.internal.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stasis.ui.tests.UiDriver.byId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.schedule.Checkpoint;
import org.stasis.core.schedule.CheckpointException;
import org.stasis.core.schedule.Scheduler;
import org.stasis.core.schedule.Schedulers;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.tests.CountingProcess;
import org.stasis.ui.tests.UiDriver;

/**
 * Run now in the Schedules view while another scheduler (standing in for the service) owns the
 * schedules file: the button stays enabled, the view says it asked the service, and the service's run
 * shows in the table and the status line. Checkpoints are faked: what is tested is the way through
 * the file, not the engine.
 */
class RunNowAskedUiTest {

    /** The service and the view each look at the file every 2 s; a loaded machine may be much slower. */
    private static final Duration ANSWER = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private CountingProcess counter;
    private Scheduler service;
    private SchedulerUi host;

    @AfterEach
    void stop() throws InterruptedException {
        if (host != null) {
            host.close();
        }
        if (service != null) {
            service.close();
        }
        if (counter != null) {
            counter.close();
        }
    }

    @Test
    void runNowAsksTheServiceAndShowsItsRun() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        List<Path> images = new CopyOnWriteArrayList<>();
        counter = CountingProcess.in(dir.resolve("counter")).start();
        service = Schedulers.open(file, (pid, image) -> {
            try {
                Files.write(image, new byte[16]);
            } catch (IOException e) {
                throw new CheckpointException(e.getMessage(), e);
            }
            images.add(image);
            return new Checkpoint(image, 4096, 1.5, 1);
        });
        host = new SchedulerUi(file, (pid, image) -> {
            throw new CheckpointException("the workbench must not checkpoint while the service owns the schedules");
        });
        Scheduler workbench = host.scheduler.scheduler().orElseThrow();
        assertTrue(service.owner().ours());
        assertFalse(workbench.owner().ours());

        String id = workbench.save(SchedulerUi.yearlyOn(counter.pid(), dir.resolve("images"))).getId();

        SchedulesPart view = host.schedulesView();
        Table table = view.viewer().getTable();
        Shell area = table.getShell();
        TableItem row = host.ui.waitFor("the counter's row", SchedulerUi.SHORT, () -> UiDriver.tableItem(table, 0, "counter"));
        host.ui.select(row);
        Button runNow = byId(area, Button.class, WidgetIds.SCHEDULES_RUN_NOW);
        host.ui.waitUntil("Run now enabled while the service owns the schedules", SchedulerUi.SHORT, runNow::isEnabled);
        host.ui.click(runNow);

        Label status = byId(area, Label.class, WidgetIds.SCHEDULES_STATUS);
        String asked = NLS.bind(Messages.Status_Asked, Long.toString(ProcessHandle.current().pid()), "counter");
        assertEquals("Asked the scheduler service (pid " + ProcessHandle.current().pid() + ") to run counter now\u2026", asked);
        host.ui.waitUntil("the status says the service was asked (status: " + status.getText() + ")", SchedulerUi.SHORT,
                () -> status.getText().equals(asked) || status.getText().startsWith("Schedule counter: "));

        host.ui.waitUntil("the service's run in the view (last result: " + lastResult(table) + ")", ANSWER,
                () -> lastResult(table).startsWith("ok at "));
        host.ui.waitUntil("the outcome in the status line (status: " + status.getText() + ")", ANSWER,
                () -> status.getText().startsWith("Schedule counter: ok at "));
        assertEquals(1, images.size(), "the service checkpointed once");
        ScheduleRun run = service.find(id).orElseThrow().getRuns().get(0);
        assertEquals(RunResult.OK, run.getResult(), run.getMessage());
        assertTrue(run.isManual());
        assertFalse(run.getRequestId().isEmpty(), "recorded as the answer to the workbench's request");
        assertTrue(status.getText().endsWith(", image " + run.getImage()), status.getText());
        assertTrue(workbench.find(id).orElseThrow().getRequests().isEmpty(), "no request is left");
    }

    private static String lastResult(Table table) {
        return UiDriver.tableItem(table, 0, "counter").map(i -> i.getText(ScheduleColumn.LAST_RESULT.ordinal())).orElse("");
    }
}
