package org.stasis.ui.internal.inspector;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.stasis.model.Vma;
import org.stasis.model.VmaKind;
import org.stasis.ui.WidgetIds;

/**
 * The address space of one process as a horizontal band: one block per memory area in address
 * order, coloured by kind, the stored part darker. Widths grow with the logarithm of the size (a
 * 4 KiB guard page and a 2 GiB heap must both be visible) and every gap between areas is drawn as
 * the same narrow break, since an address space is mostly holes. A legend of the kinds follows.
 */
final class MemoryMapCanvas {

    private static final int GAP = 6;
    private static final int BAND_HEIGHT = 34;
    private static final int LEGEND_SWATCH = 12;
    private static final Map<VmaKind, RGB> COLOURS = new EnumMap<>(Map.of(
            VmaKind.ANON_PRIVATE, new RGB(0x4e, 0x9a, 0x06),
            VmaKind.ANON_SHARED, new RGB(0xc4, 0xa0, 0x00),
            VmaKind.FILE_PRIVATE, new RGB(0x34, 0x65, 0xa4),
            VmaKind.FILE_SHARED, new RGB(0x75, 0x50, 0x7b),
            VmaKind.VDSO, new RGB(0xcc, 0x00, 0x00),
            VmaKind.VVAR, new RGB(0xef, 0x29, 0x29)));

    private final Canvas canvas;
    private final List<Vma> vmas = new ArrayList<>();
    /** Where each area of {@link #vmas} was last painted, same index. */
    private final List<Rectangle> blocks = new ArrayList<>();
    private Vma selected;
    private Consumer<Vma> clickListener = v -> {
    };

    MemoryMapCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_MEMORY_MAP);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseUp, e -> {
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i).contains(e.x, e.y)) {
                    clickListener.accept(vmas.get(i));
                    return;
                }
            }
        });
        canvas.addListener(SWT.MouseHover, e -> {
            int i = blockAt(e.x, e.y);
            canvas.setToolTipText(i < 0 ? null
                    : Formats.range(vmas.get(i).getStart(), vmas.get(i).getEnd()) + "  " //$NON-NLS-1$
                            + Formats.bytes(vmas.get(i).getSize()) + "  " + MemoryTab.kindText(vmas.get(i).getKind()) //$NON-NLS-1$
                            + "  " + vmas.get(i).getName()); //$NON-NLS-1$
        });
    }

    private int blockAt(int x, int y) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).contains(x, y)) {
                return i;
            }
        }
        return -1;
    }

    void setVmas(List<Vma> areas) {
        vmas.clear();
        vmas.addAll(areas);
        vmas.sort((a, b) -> Long.compareUnsigned(a.getStart(), b.getStart()));
        selected = null;
        canvas.redraw();
    }

    void setSelected(Vma vma) {
        selected = vma;
        canvas.redraw();
    }

    void onClick(Consumer<Vma> listener) {
        clickListener = listener;
    }

    /** The block an area was painted in, for tests and tooltips; null before the first paint. */
    Rectangle blockOf(Vma vma) {
        int i = vmas.indexOf(vma);
        return i < 0 || i >= blocks.size() ? null : blocks.get(i);
    }

    private static double weight(Vma v) {
        return 1 + Math.log(Math.max(1, Long.divideUnsigned(v.getSize(), HexView.PAGE))) / Math.log(2);
    }

    private void paint(GC gc) {
        blocks.clear();
        Rectangle area = canvas.getClientArea();
        int width = area.width - 2;
        int gaps = 0;
        double total = 0;
        for (int i = 0; i < vmas.size(); i++) {
            total += weight(vmas.get(i));
            if (i > 0 && vmas.get(i - 1).getEnd() != vmas.get(i).getStart()) {
                gaps++;
            }
        }
        double scale = total == 0 ? 0 : Math.max(0, width - gaps * GAP) / total;
        double x = 1;
        for (int i = 0; i < vmas.size(); i++) {
            Vma v = vmas.get(i);
            if (i > 0 && vmas.get(i - 1).getEnd() != v.getStart()) {
                drawGap(gc, (int) x);
                x += GAP;
            }
            int w = Math.max(1, (int) Math.round(weight(v) * scale));
            Rectangle block = new Rectangle((int) x, 2, w, BAND_HEIGHT);
            blocks.add(block);
            drawBlock(gc, v, block);
            x += weight(v) * scale;
        }
        drawLegend(gc, BAND_HEIGHT + 10);
    }

    private void drawGap(GC gc, int x) {
        // a zigzag: "addresses left out here"
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        int[] zig = new int[12];
        for (int k = 0; k < 6; k++) {
            zig[2 * k] = x + (k % 2 == 0 ? 1 : GAP - 2);
            zig[2 * k + 1] = 2 + k * BAND_HEIGHT / 5;
        }
        gc.drawPolyline(zig);
    }

    private void drawBlock(GC gc, Vma v, Rectangle b) {
        RGB rgb = COLOURS.get(v.getKind());
        Color light = new Color(blend(rgb, 0.45));
        Color dark = new Color(rgb);
        gc.setBackground(light);
        gc.fillRectangle(b);
        long pages = Math.max(1, Long.divideUnsigned(v.getSize(), HexView.PAGE));
        int stored = (int) Math.round(b.width * Math.min(1.0, (double) v.getPagesStored() / pages));
        gc.setBackground(dark);
        gc.fillRectangle(b.x, b.y + b.height / 3, stored, b.height - b.height / 3);
        gc.setForeground(canvas.getDisplay().getSystemColor(v == selected ? SWT.COLOR_BLACK : SWT.COLOR_WIDGET_BACKGROUND));
        gc.setLineWidth(v == selected ? 3 : 1);
        gc.drawRectangle(b.x, b.y, b.width - 1, b.height - 1);
        gc.setLineWidth(1);
    }

    /** Mixes towards white: the light shade of a kind is its not-stored part. */
    private static RGB blend(RGB rgb, double toWhite) {
        return new RGB((int) (rgb.red + (255 - rgb.red) * toWhite), (int) (rgb.green + (255 - rgb.green) * toWhite),
                (int) (rgb.blue + (255 - rgb.blue) * toWhite));
    }

    private void drawLegend(GC gc, int y) {
        int x = 1;
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        for (VmaKind kind : VmaKind.values()) {
            gc.setBackground(new Color(COLOURS.get(kind)));
            gc.fillRectangle(x, y + 2, LEGEND_SWATCH, LEGEND_SWATCH);
            String text = MemoryTab.kindText(kind);
            gc.setBackground(canvas.getBackground());
            gc.drawText(text, x + LEGEND_SWATCH + 4, y, true);
            Point extent = gc.textExtent(text);
            x += LEGEND_SWATCH + 4 + extent.x + 18;
        }
    }

    Canvas control() {
        return canvas;
    }
}
