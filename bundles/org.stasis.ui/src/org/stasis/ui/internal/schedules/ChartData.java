package org.stasis.ui.internal.schedules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;

/**
 * What the history chart draws, worked out from the runs without any drawing: one point per written
 * image in each series (image size, freeze time) and a mark per skipped or failed run, all on one time
 * axis, with the ranges and units of the axes.
 *
 * @param sizes    image size in bytes of each ok run, oldest first
 * @param freezes  freeze time in ms of each ok run, oldest first
 * @param marks    skipped and failed runs, oldest first
 * @param fromMs   the time axis' start (Unix ms)
 * @param toMs     the time axis' end, after fromMs
 * @param sizeAxis the size axis, in a binary unit fitting the largest image
 * @param freezeAxis the freeze axis in ms
 */
record ChartData(List<Point> sizes, List<Point> freezes, List<Mark> marks, long fromMs, long toMs, Axis sizeAxis,
        Axis freezeAxis) {

    /** A value at a time. */
    record Point(long timeMs, double value) {
    }

    /** A run that wrote no image. */
    record Mark(long timeMs, RunResult result) {
    }

    /**
     * A value axis from 0 to max in steps of step, labelled in unit: values are divided by scale.
     */
    record Axis(double max, double step, double scale, String unit) {

        /** @return the axis for values up to largest: a round step, about 4 ticks */
        static Axis of(double largest, double scale, String unit) {
            double top = largest > 0 ? largest / scale : 1; // an empty series still gets an axis
            double rough = top / 4;
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double step = magnitude;
            for (double factor : new double[] { 1, 2, 2.5, 5, 10 }) {
                if (magnitude * factor >= rough) {
                    step = magnitude * factor;
                    break;
                }
            }
            return new Axis(Math.ceil(top / step) * step, step, scale, unit);
        }
    }

    /** With a single run (or runs in one millisecond) the time axis still needs a width. */
    private static final long MIN_SPAN_MS = 10_000;
    private static final String[] BYTE_UNITS = { "B", "KiB", "MiB", "GiB", "TiB" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$

    static ChartData of(List<ScheduleRun> runs) {
        List<ScheduleRun> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparingLong(ScheduleRun::getStartedUnixMs));
        List<Point> sizes = new ArrayList<>();
        List<Point> freezes = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        for (ScheduleRun run : ordered) {
            if (run.getResult() == RunResult.OK) {
                sizes.add(new Point(run.getStartedUnixMs(), run.getImageBytes()));
                freezes.add(new Point(run.getStartedUnixMs(), run.getFreezeMs()));
            } else {
                marks.add(new Mark(run.getStartedUnixMs(), run.getResult()));
            }
        }
        long from = ordered.isEmpty() ? 0 : ordered.get(0).getStartedUnixMs();
        long to = ordered.isEmpty() ? MIN_SPAN_MS : ordered.get(ordered.size() - 1).getStartedUnixMs();
        if (to - from < MIN_SPAN_MS) {
            long middle = from + (to - from) / 2;
            from = middle - MIN_SPAN_MS / 2;
            to = middle + MIN_SPAN_MS / 2;
        }
        double largestSize = sizes.stream().mapToDouble(Point::value).max().orElse(0);
        int unit = 0;
        while (unit < BYTE_UNITS.length - 1 && largestSize >= Math.pow(1024, unit + 1)) {
            unit++;
        }
        Axis sizeAxis = Axis.of(largestSize, Math.pow(1024, unit), BYTE_UNITS[unit]);
        Axis freezeAxis = Axis.of(freezes.stream().mapToDouble(Point::value).max().orElse(0), 1, "ms"); //$NON-NLS-1$
        return new ChartData(List.copyOf(sizes), List.copyOf(freezes), List.copyOf(marks), from, to, sizeAxis, freezeAxis);
    }

    /** @return how many runs the chart shows: points of written images plus marks */
    int runCount() {
        return sizes.size() + marks.size();
    }
}
