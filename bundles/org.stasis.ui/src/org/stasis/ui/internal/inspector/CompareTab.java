package org.stasis.ui.internal.inspector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.stasis.core.images.DiffEntry;
import org.stasis.core.images.ImageComparison;
import org.stasis.image.StasisImage;
import org.stasis.ui.WidgetIds;

/**
 * "Compare with…": runs the core {@link ImageComparison} of this image (the older one) with another
 * in a Job and shows its entries in a closeable tab of the inspector.
 */
final class CompareTab {

    private final CTabFolder tabs;
    private final LoadedImage older;
    private Job job;

    CompareTab(CTabFolder tabs, LoadedImage older) {
        this.tabs = tabs;
        this.older = older;
    }

    void pickAndCompare() {
        ImageFiles.choose(tabs.getShell(), Messages.Compare_Title).ifPresent(this::compareWith);
    }

    /** Compares with the image at path and shows the result in a new tab (progress in the tab meanwhile). */
    void compareWith(Path path) {
        if (job != null) {
            job.cancel(); // one comparison at a time: the newest request is what the user wants
        }
        CTabItem item = new CTabItem(tabs, SWT.CLOSE);
        item.setText(NLS.bind(Messages.Tab_Compare, path.getFileName()));
        Composite page = FilesTab.titled(tabs, NLS.bind(Messages.Compare_Running, path));
        Label summary = (Label) page.getChildren()[0];
        summary.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_COMPARE_SUMMARY);
        item.setControl(page);
        tabs.setSelection(item);

        Job compare = Job.create(NLS.bind(Messages.Compare_Job, older.path().getFileName(), path.getFileName()), monitor -> {
            SubMonitor progress = SubMonitor.convert(monitor, 10);
            try (StasisImage newer = StasisImage.open(path)) {
                progress.worked(1);
                ImageComparison result = ImageComparison.compare(older.file(), newer, progress.split(9));
                ui(page, () -> show(page, summary, result));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                ui(page, item::dispose);
                return Status.CANCEL_STATUS;
            } catch (IOException | RuntimeException e) {
                String why = e instanceof IOException ? e.getMessage() : e.toString();
                ui(page, () -> failed(item, NLS.bind(Messages.Compare_Failed, path, why)));
                return Status.OK_STATUS; // shown to the user; a status would only log it again
            }
        });
        job = compare;
        item.addListener(SWT.Dispose, e -> compare.cancel());
        compare.setUser(true);
        compare.schedule();
    }

    private static void ui(Composite page, Runnable r) {
        if (!page.isDisposed()) {
            page.getDisplay().asyncExec(() -> {
                if (!page.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    private void show(Composite page, Label summary, ImageComparison result) {
        summary.setText(result.summary());
        RowTable<DiffEntry> table = new RowTable<>(page, "compare", List.of( //$NON-NLS-1$
                Column.text(Messages.Col_Change, 150, e -> e.kind().name()),
                Column.integer(Messages.Col_Pid, 70, DiffEntry::pid),
                Column.text(Messages.Col_Subject, 320, DiffEntry::subject),
                Column.text(Messages.Col_Detail, 320, DiffEntry::detail),
                Column.integer(Messages.Col_Older, 100, DiffEntry::olderValue),
                Column.integer(Messages.Col_Newer, 100, DiffEntry::newerValue)));
        table.setRows(result.entries());
        page.layout(true, true);
    }

    private void failed(CTabItem item, String message) {
        item.dispose();
        Errors.show(tabs.getShell(), Messages.Compare_FailedTitle, message);
    }

    void dispose() {
        if (job != null) {
            job.cancel();
        }
    }
}
