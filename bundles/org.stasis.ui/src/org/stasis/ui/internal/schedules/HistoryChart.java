package org.stasis.ui.internal.schedules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;
import org.stasis.ui.WidgetIds;

/**
 * A small chart of a schedule's runs over time: image size on top, freeze time below, on one time
 * axis; a dot per written image, joined by lines, and a triangle at the foot of both panels for each
 * skipped (amber) or failed (red) run. Drawn with GC on a Canvas: two series need no chart library.
 */
final class HistoryChart {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT) //$NON-NLS-1$
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT) //$NON-NLS-1$
            .withZone(ZoneId.systemDefault());
    private static final long DAY_MS = 24L * 3600 * 1000;
    private static final int LEFT = 72;
    private static final int RIGHT = 16;
    private static final int TOP = 22;
    private static final int BOTTOM = 26;
    private static final int GAP = 26;
    private static final int DOT = 6;
    private static final int MARK = 6;
    private static final int TIME_TICKS = 4;

    private final Canvas canvas;
    private ChartData data = ChartData.of(List.of());

    HistoryChart(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData(WidgetIds.KEY, WidgetIds.HISTORY_CHART);
        canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
    }

    Canvas control() {
        return canvas;
    }

    void setRuns(List<ScheduleRun> runs) {
        data = ChartData.of(runs);
        canvas.redraw();
    }

    /** @return what the chart draws now */
    ChartData data() {
        return data;
    }

    private void paint(GC gc, Rectangle area) {
        gc.setAntialias(SWT.ON);
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        int plotWidth = area.width - LEFT - RIGHT;
        int panelHeight = (area.height - TOP - BOTTOM - GAP) / 2;
        if (plotWidth < 40 || panelHeight < 30) {
            return; // too small to say anything
        }
        Rectangle sizePanel = new Rectangle(area.x + LEFT, area.y + TOP, plotWidth, panelHeight);
        Rectangle freezePanel = new Rectangle(area.x + LEFT, sizePanel.y + panelHeight + GAP, plotWidth, panelHeight);
        Color sizeColor = canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE);
        Color freezeColor = canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN);
        panel(gc, sizePanel, data.sizeAxis(), data.sizes(), sizeColor,
                Messages.Chart_Size + " (" + data.sizeAxis().unit() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
        panel(gc, freezePanel, data.freezeAxis(), data.freezes(), freezeColor,
                Messages.Chart_Freeze + " (" + data.freezeAxis().unit() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
        timeAxis(gc, freezePanel);
        legend(gc, area);
        if (data.runCount() == 0) {
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            Point extent = gc.textExtent(Messages.Chart_NoRuns);
            gc.drawText(Messages.Chart_NoRuns, sizePanel.x + (sizePanel.width - extent.x) / 2,
                    sizePanel.y + (sizePanel.height - extent.y) / 2, true);
        }
    }

    private void panel(GC gc, Rectangle panel, ChartData.Axis axis, List<ChartData.Point> points, Color color,
            String title) {
        Color grid = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW);
        Color text = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND);
        gc.setForeground(text);
        gc.drawText(title, panel.x - LEFT + 4, panel.y - TOP + 4, true);
        int ticks = (int) Math.round(axis.max() / axis.step());
        for (int i = 0; i <= ticks; i++) {
            double value = i * axis.step();
            int y = yOf(panel, axis, value * axis.scale());
            gc.setForeground(grid);
            gc.drawLine(panel.x, y, panel.x + panel.width, y);
            gc.setForeground(text);
            String label = number(value);
            Point extent = gc.textExtent(label);
            gc.drawText(label, panel.x - extent.x - 6, y - extent.y / 2, true);
        }
        gc.setForeground(text);
        gc.drawLine(panel.x, panel.y, panel.x, panel.y + panel.height);
        gc.drawLine(panel.x, panel.y + panel.height, panel.x + panel.width, panel.y + panel.height);

        gc.setForeground(color);
        gc.setBackground(color);
        gc.setLineWidth(2);
        int[] previous = null;
        for (ChartData.Point p : points) {
            int x = xOf(panel, p.timeMs());
            int y = yOf(panel, axis, p.value());
            if (previous != null) {
                gc.drawLine(previous[0], previous[1], x, y);
            }
            gc.fillOval(x - DOT / 2, y - DOT / 2, DOT, DOT);
            previous = new int[] { x, y };
        }
        gc.setLineWidth(1);
        for (ChartData.Mark m : data.marks()) {
            int x = xOf(panel, m.timeMs());
            int base = panel.y + panel.height;
            gc.setBackground(canvas.getDisplay()
                    .getSystemColor(m.result() == RunResult.FAILED ? SWT.COLOR_RED : SWT.COLOR_DARK_YELLOW));
            gc.fillPolygon(new int[] { x, base - MARK * 2, x - MARK, base, x + MARK, base });
        }
    }

    private void timeAxis(GC gc, Rectangle panel) {
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        DateTimeFormatter format = data.toMs() - data.fromMs() > DAY_MS ? DAY_CLOCK : CLOCK;
        for (int i = 0; i <= TIME_TICKS; i++) {
            long t = data.fromMs() + (data.toMs() - data.fromMs()) * i / TIME_TICKS;
            int x = xOf(panel, t);
            String label = format.format(Instant.ofEpochMilli(t));
            Point extent = gc.textExtent(label);
            int left = Math.min(Math.max(x - extent.x / 2, panel.x - LEFT / 2), panel.x + panel.width + RIGHT - extent.x);
            gc.drawLine(x, panel.y + panel.height, x, panel.y + panel.height + 3);
            gc.drawText(label, left, panel.y + panel.height + 5, true);
        }
    }

    private void legend(GC gc, Rectangle area) {
        String[] labels = { Messages.Chart_Skipped, Messages.Chart_Failed };
        int[] colors = { SWT.COLOR_DARK_YELLOW, SWT.COLOR_RED };
        int x = area.x + area.width - RIGHT;
        for (int i = labels.length - 1; i >= 0; i--) {
            Point extent = gc.textExtent(labels[i]);
            x -= extent.x;
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            gc.drawText(labels[i], x, area.y + 4, true);
            x -= MARK * 2 + 4;
            gc.setBackground(canvas.getDisplay().getSystemColor(colors[i]));
            int base = area.y + 4 + extent.y - 2;
            gc.fillPolygon(new int[] { x + MARK, base - MARK * 2, x, base, x + MARK * 2, base });
            x -= 14;
        }
    }

    private int xOf(Rectangle panel, long timeMs) {
        double share = (double) (timeMs - data.fromMs()) / (data.toMs() - data.fromMs());
        return panel.x + (int) Math.round(share * panel.width);
    }

    private static int yOf(Rectangle panel, ChartData.Axis axis, double value) {
        double share = value / axis.scale() / axis.max();
        return panel.y + panel.height - (int) Math.round(Math.min(1, share) * panel.height);
    }

    /** Axis labels: "2.5", "100", "0.05"; the steps are 1, 2, 2.5 or 5 times a power of ten. */
    private static String number(double value) {
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
