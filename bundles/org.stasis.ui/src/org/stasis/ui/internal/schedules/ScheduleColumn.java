package org.stasis.ui.internal.schedules;

import java.util.function.Function;

/** The columns of the Schedules view: header, share of the view's width and the text of a row. */
enum ScheduleColumn {

    NAME(Messages.Column_Name, 140, row -> row.schedule().getName()),
    TARGET(Messages.Column_Target, 260, row -> ScheduleTexts.target(row.schedule())),
    WHEN(Messages.Column_When, 260, row -> ScheduleTexts.when(row.schedule())),
    NEXT_RUN(Messages.Column_NextRun, 150, ScheduleColumn::nextRun),
    LAST_RESULT(Messages.Column_LastResult, 190, row -> ScheduleTexts.lastResult(row.schedule())),
    IMAGES(Messages.Column_Images, 100, row -> row.imagesKept().isPresent()
            ? Integer.toString(row.imagesKept().getAsInt()) : Messages.Images_Unknown);

    final String header;
    final int width;
    final Function<ScheduleRow, String> text;

    ScheduleColumn(String header, int width, Function<ScheduleRow, String> text) {
        this.header = header;
        this.width = width;
        this.text = text;
    }

    private static String nextRun(ScheduleRow row) {
        if (row.running()) {
            return Messages.NextRun_Running;
        }
        if (!row.schedule().isEnabled()) {
            return Messages.NextRun_Disabled;
        }
        return row.nextRun().map(ScheduleTexts::time).orElse(Messages.NextRun_None);
    }
}
