package org.stasis.ui.internal.inspector;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.stasis.image.MemoryBytes;
import org.stasis.image.StasisImage;
import org.stasis.model.Vma;
import org.stasis.ui.WidgetIds;

/**
 * Hex and ASCII of one memory area, 16 bytes a row, a window of {@link #WINDOW_PAGES} pages at a
 * time with Previous/Next. The table is virtual and each 4 KiB page is read from the image only when
 * one of its rows is painted, so an 8 GiB area costs what the visible rows cost.
 */
final class HexView {

    static final int PAGE = 4096;
    static final int WINDOW_PAGES = 16;
    private static final int ROW = 16;
    private static final int ROWS_PER_PAGE = PAGE / ROW;

    private final StasisImage image;
    private final Composite control;
    private final Label window;
    private final Button previous;
    private final Button next;
    private final Table table;
    /** Pages of the current window already read, by address; a window holds at most 64 KiB. */
    private final Map<Long, Object> pages = new HashMap<>();
    private int pid;
    private Vma vma;
    private long firstPage;

    HexView(Composite parent, StasisImage image) {
        this.image = image;
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).numColumns(3).applyTo(control);
        window = new Label(control, SWT.NONE);
        window.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_HEX_WINDOW);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(window);
        previous = new Button(control, SWT.PUSH);
        previous.setText(Messages.Hex_Previous);
        next = new Button(control, SWT.PUSH);
        next.setText(Messages.Hex_Next);
        next.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_HEX_NEXT);
        previous.addListener(SWT.Selection, e -> moveWindow(-WINDOW_PAGES));
        next.addListener(SWT.Selection, e -> moveWindow(WINDOW_PAGES));

        table = new Table(control, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL);
        table.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_HEX);
        table.setHeaderVisible(true);
        table.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(table);
        column(Messages.Hex_Offset, 170);
        column(Messages.Hex_Bytes, 440);
        column(Messages.Hex_Ascii, 180);
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
        show(null);
    }

    private void column(String text, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
    }

    void setProcess(int newPid) {
        pid = newPid;
    }

    /** Shows the first window of an area, or nothing for null. */
    void show(Vma area) {
        vma = area;
        firstPage = 0;
        refresh();
    }

    private long pageCount() {
        return vma == null ? 0 : Long.divideUnsigned(vma.getSize() + PAGE - 1, PAGE);
    }

    private void moveWindow(long by) {
        long target = firstPage + by;
        if (vma != null && target >= 0 && target < pageCount()) {
            firstPage = target;
            refresh();
        }
    }

    private void refresh() {
        pages.clear();
        long total = pageCount();
        long shown = Math.min(WINDOW_PAGES, total - firstPage);
        table.clearAll();
        table.setItemCount((int) (shown * ROWS_PER_PAGE));
        if (vma == null) {
            window.setText(Messages.Hex_None);
        } else {
            long from = vma.getStart() + firstPage * PAGE;
            window.setText(NLS.bind(Messages.Hex_Window, new Object[] { Formats.address(from),
                    Formats.address(from + shown * PAGE), firstPage + 1, firstPage + shown, total }));
        }
        previous.setEnabled(firstPage > 0);
        next.setEnabled(firstPage + WINDOW_PAGES < total);
        control.layout();
    }

    private void fill(TableItem item, int row) {
        long address = vma.getStart() + firstPage * PAGE + (long) row * ROW;
        long pageAddress = address - (address % PAGE);
        Object page = pages.computeIfAbsent(pageAddress, this::readPage);
        item.setText(0, Formats.address(address));
        if (page instanceof String error) {
            item.setText(1, error);
            return;
        }
        MemoryBytes bytes = (MemoryBytes) page;
        int offset = (int) (address - pageAddress);
        if (!bytes.isPresent(offset)) {
            item.setText(1, Messages.Hex_NotStored);
            return;
        }
        StringBuilder hexText = new StringBuilder(ROW * 3 + 1);
        StringBuilder ascii = new StringBuilder(ROW);
        for (int i = 0; i < ROW; i++) {
            int b = bytes.get(offset + i) & 0xff;
            hexText.append(String.format(Locale.ROOT, "%02x", b)).append(i == 7 ? "  " : " "); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        item.setText(1, hexText.toString().strip());
        item.setText(2, ascii.toString());
    }

    /**
     * One page from the image. On the UI thread on purpose: 4 KiB from a file already open, checked
     * against the checksum of its 1 MiB chunk, is quicker than a round trip through a Job would be.
     */
    private Object readPage(long address) {
        try {
            return image.readMemory(pid, address, PAGE);
        } catch (IOException | IllegalArgumentException e) {
            return NLS.bind(Messages.Hex_Error, e.getMessage());
        }
    }

    Composite control() {
        return control;
    }
}
