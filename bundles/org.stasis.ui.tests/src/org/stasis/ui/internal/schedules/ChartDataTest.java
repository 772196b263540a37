package org.stasis.ui.internal.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;

/** What the history chart draws, computed from runs without a display. */
class ChartDataTest {

    private static ScheduleRun run(long startMs, RunResult result, long bytes, double freezeMs) {
        ScheduleRun run = new ScheduleRun();
        run.setStartedUnixMs(startMs);
        run.setResult(result);
        run.setImageBytes(bytes);
        run.setFreezeMs(freezeMs);
        return run;
    }

    @Test
    void okRunsArePointsOfBothSeriesAndTheOthersMarksInTimeOrder() {
        ChartData data = ChartData.of(List.of(run(30_000, RunResult.OK, 3 << 20, 12.5), run(10_000, RunResult.OK, 2 << 20, 8),
                run(20_000, RunResult.SKIPPED, 0, 0), run(40_000, RunResult.FAILED, 0, 0)));
        assertEquals(List.of(new ChartData.Point(10_000, 2 << 20), new ChartData.Point(30_000, 3 << 20)), data.sizes());
        assertEquals(List.of(new ChartData.Point(10_000, 8), new ChartData.Point(30_000, 12.5)), data.freezes());
        assertEquals(List.of(new ChartData.Mark(20_000, RunResult.SKIPPED), new ChartData.Mark(40_000, RunResult.FAILED)),
                data.marks());
        assertEquals(4, data.runCount());
        assertEquals(10_000, data.fromMs());
        assertEquals(40_000, data.toMs());
    }

    @Test
    void axesUseAFittingUnitAndRoundSteps() {
        ChartData data = ChartData.of(List.of(run(0, RunResult.OK, 3 << 20, 12.5), run(60_000, RunResult.OK, 7 << 20, 0.3)));
        assertEquals("MiB", data.sizeAxis().unit());
        assertEquals(1 << 20, data.sizeAxis().scale());
        assertEquals(2, data.sizeAxis().step());
        assertEquals(8, data.sizeAxis().max(), "7 MiB fits below the top tick");
        assertEquals("ms", data.freezeAxis().unit());
        assertEquals(5, data.freezeAxis().step());
        assertEquals(15, data.freezeAxis().max());
    }

    @Test
    void aSingleRunStillHasATimeSpanAndNoRunsAnEmptyChart() {
        ChartData one = ChartData.of(List.of(run(100_000, RunResult.OK, 1000, 1)));
        assertTrue(one.fromMs() < 100_000 && one.toMs() > 100_000, "the point sits inside the axis");
        ChartData none = ChartData.of(List.of());
        assertEquals(0, none.runCount());
        assertTrue(none.toMs() > none.fromMs());
        assertEquals(1, none.sizeAxis().max(), "an empty series still gets an axis");
    }
}
