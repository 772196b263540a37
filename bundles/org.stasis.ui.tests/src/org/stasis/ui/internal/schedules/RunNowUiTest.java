package org.stasis.ui.internal.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stasis.ui.tests.UiDriver.byId;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.preferences.StasisPreferences;
import org.stasis.ui.tests.BuiltEngine;
import org.stasis.ui.tests.CountingProcess;
import org.stasis.ui.tests.UiDriver;

/**
 * Run now from the Schedules view on a real counting process with the engine built in this reactor
 * (the helper comes from the preferences, as the user would set it): the ok run shows in the view,
 * then in the History view's table and chart.
 */
class RunNowUiTest {

    private static final Duration CHECKPOINT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private CountingProcess counter;
    private SchedulerUi host;

    @AfterEach
    void stop() throws InterruptedException {
        if (host != null) {
            host.close();
        }
        if (counter != null) {
            counter.close();
        }
    }

    @Test
    void runNowRecordsAnOkRunThatTheHistoryShowsInItsTableAndChart() throws Exception {
        StasisPreferences preferences = new StasisPreferences(InstanceScope.INSTANCE.getNode("org.stasis.ui.tests.runNow"));
        preferences.setHelperOverride(Optional.of(BuiltEngine.path()));
        counter = CountingProcess.in(dir.resolve("counter")).start(); // returns once it counts
        host = new SchedulerUi(dir.resolve("schedules.xmi"), new HelperCheckpointer(preferences));

        host.scheduler.scheduler().orElseThrow().save(SchedulerUi.yearlyOn(counter.pid(), dir.resolve("images")));

        SchedulesPart view = host.schedulesView();
        Table table = view.viewer().getTable();
        Shell area = table.getShell();
        TableItem row = host.ui.waitFor("the counter's row", SchedulerUi.SHORT, () -> UiDriver.tableItem(table, 0, "counter"));
        assertEquals(Messages.LastResult_Never, row.getText(ScheduleColumn.LAST_RESULT.ordinal()));
        host.ui.select(row);
        Button runNow = byId(area, Button.class, WidgetIds.SCHEDULES_RUN_NOW);
        host.ui.waitUntil("Run now enabled", SchedulerUi.SHORT, runNow::isEnabled);
        host.ui.click(runNow);

        host.ui.waitUntil("an ok run in the view (last result: " + lastResult(table) + ")", CHECKPOINT,
                () -> lastResult(table).startsWith("ok at "));
        assertEquals("1", UiDriver.tableItem(table, 0, "counter").orElseThrow().getText(ScheduleColumn.IMAGES.ordinal()),
                "one image kept");
        ScheduleRun run = host.saved("counter").getRuns().get(0);
        assertEquals(RunResult.OK, run.getResult(), run.getMessage());
        assertTrue(run.isManual());

        host.ui.click(byId(area, Button.class, WidgetIds.SCHEDULES_HISTORY));
        HistoryPart history = host.ui.waitFor("the History view", SchedulerUi.SHORT,
                () -> host.histories().stream().findFirst());
        Table runs = history.table().viewer().getTable();
        host.ui.waitUntil("the run in the history table", SchedulerUi.SHORT, () -> runs.getItemCount() == 1);
        TableItem item = runs.getItem(0);
        assertEquals("ok", item.getText(1));
        assertEquals(run.getImage(), item.getText(6), "an ok run shows its image");
        assertTrue(item.getText(3).matches("[\\d.]+ ms"), "freeze time " + item.getText(3));
        assertTrue(item.getText(4).matches("[\\d.]+ [KMG]iB"), "size " + item.getText(4));
        ChartData chart = history.chart().data();
        assertEquals(1, chart.sizes().size(), "one size point");
        assertEquals(1, chart.freezes().size(), "one freeze point");
        assertEquals(0, chart.marks().size(), "no skipped or failed run");
        assertEquals(run.getImageBytes(), (long) chart.sizes().get(0).value());
        assertTrue(chart.sizeAxis().max() * chart.sizeAxis().scale() >= run.getImageBytes(), "the size axis holds the point");
    }

    private static String lastResult(Table table) {
        return UiDriver.tableItem(table, 0, "counter").map(i -> i.getText(ScheduleColumn.LAST_RESULT.ordinal())).orElse("");
    }
}
