package org.stasis.ui.internal.inspector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;
import org.stasis.model.Process;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.restore.RestoreWizardOpener;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The inspector of one image file: an e4 part (pure e4 has no editors) created from the part
 * descriptor {@link #DESCRIPTOR_ID} with the file's path in its persisted state. It loads the image
 * in a Job, then shows it in tabs; a process selector at the top picks the process the per-process
 * tabs show.
 */
public final class InspectorPart {

    /** The part descriptor in Application.e4xmi. */
    public static final String DESCRIPTOR_ID = "org.stasis.ui.partdescriptor.inspector"; //$NON-NLS-1$
    /** Persisted-state key of the part: the absolute, normalized path of the image. */
    public static final String PATH_KEY = "org.stasis.inspector.path"; //$NON-NLS-1$

    private final MPart part;
    private final Path path;
    private final IEclipseContext context;

    private Display display;
    private StackLayout pages;
    private Composite loadingPage;
    private Label progressText;
    private Text errorText;
    private Composite contentPage;
    private Combo processCombo;
    private CTabFolder tabs;
    private final List<InspectorTab> processTabs = new ArrayList<>();
    private List<Process> processes = List.of();
    private Job loadJob;
    private LoadedImage image;
    private CompareTab compare;
    private MemoryTab memory;

    @Inject
    public InspectorPart(MPart part, IEclipseContext context) {
        this.part = part;
        this.context = context;
        String value = part.getPersistedState().get(PATH_KEY);
        if (value == null) {
            throw new IllegalStateException("inspector part " + part.getElementId() + " has no " + PATH_KEY); //$NON-NLS-1$ //$NON-NLS-2$
        }
        this.path = Path.of(value);
    }

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        part.setLabel(path.getFileName().toString());
        part.setTooltip(path.toString());
        pages = new StackLayout();
        parent.setLayout(pages);

        loadingPage = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(20, 20).applyTo(loadingPage);
        progressText = new Label(loadingPage, SWT.WRAP);
        progressText.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_PROGRESS);
        progressText.setText(NLS.bind(Messages.Load_Progress, path));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(progressText);
        ProgressBar bar = new ProgressBar(loadingPage, SWT.INDETERMINATE);
        GridDataFactory.fillDefaults().hint(300, SWT.DEFAULT).applyTo(bar);
        Button cancel = new Button(loadingPage, SWT.PUSH);
        cancel.setText(Messages.Load_Cancel);
        cancel.addListener(SWT.Selection, e -> {
            if (loadJob != null) {
                loadJob.cancel();
            }
        });

        errorText = new Text(parent, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY);
        errorText.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_ERROR);

        pages.topControl = loadingPage;
        startLoading();
    }

    private void startLoading() {
        loadJob = Job.create(NLS.bind(Messages.Load_Job, path.getFileName()), monitor -> {
            try {
                LoadedImage loaded = LoadedImage.load(path,
                        new ProgressToPart(monitor, display, this::showProgress));
                onUiThread(() -> showImage(loaded), loaded);
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                onUiThread(() -> showError(NLS.bind(Messages.Load_Canceled, path), false), null);
                return Status.CANCEL_STATUS;
            } catch (IOException | RuntimeException e) {
                // the reader's message names the file, the byte offset and the problem: that is
                // what the user needs, not a stack trace; the part shows it, so no status is logged
                String why = e instanceof IOException ? e.getMessage() : e.toString();
                onUiThread(() -> showError(NLS.bind(Messages.Load_Failed, path, why), true), null);
                return Status.OK_STATUS;
            }
        });
        loadJob.setUser(true);
        loadJob.schedule();
    }

    /**
     * Runs r on the UI thread if the part still lives; otherwise closes what the job opened for it
     * (the user closed the part while it loaded).
     */
    private void onUiThread(Runnable r, AutoCloseable orphan) {
        Runnable closeOrphan = () -> {
            if (orphan != null) {
                try {
                    orphan.close();
                } catch (Exception e) {
                    // nothing to tell anyone: the image was never shown
                }
            }
        };
        if (display.isDisposed()) {
            closeOrphan.run();
            return;
        }
        display.asyncExec(() -> {
            if (errorText.isDisposed()) {
                closeOrphan.run();
            } else {
                r.run();
            }
        });
    }

    private void showProgress(String message) {
        if (!progressText.isDisposed()) {
            progressText.setText(message);
            loadingPage.layout();
        }
    }

    private void showError(String message, boolean dialog) {
        errorText.setText(message);
        pages.topControl = errorText;
        errorText.getParent().layout();
        if (dialog) {
            Errors.show(errorText.getShell(), Messages.Load_FailedTitle, message);
        }
    }

    private void showImage(LoadedImage loaded) {
        image = loaded;
        Composite parent = errorText.getParent();
        contentPage = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).numColumns(4).applyTo(contentPage);

        Label label = new Label(contentPage, SWT.NONE);
        label.setText(Messages.Part_Process);
        processCombo = new Combo(contentPage, SWT.READ_ONLY | SWT.DROP_DOWN);
        processCombo.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_PROCESS);
        processes = List.copyOf(loaded.model().getProcesses());
        for (Process p : processes) {
            processCombo.add(NLS.bind(Messages.Part_ProcessItem, p.getPid(), p.getComm()));
        }
        GridDataFactory.fillDefaults().grab(true, false).applyTo(processCombo);
        Button compareButton = new Button(contentPage, SWT.PUSH);
        compareButton.setText(Messages.Compare_Button);
        compareButton.setToolTipText(Messages.Compare_Tooltip);
        compareButton.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_COMPARE);
        Button restoreButton = new Button(contentPage, SWT.PUSH);
        restoreButton.setText(Messages.Restore_Button);
        restoreButton.setToolTipText(Messages.Restore_Tooltip);
        restoreButton.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_RESTORE);
        restoreButton.addListener(SWT.Selection,
                e -> RestoreWizardOpener.open(restoreButton.getShell(), java.util.Optional.of(path), context));

        tabs = new CTabFolder(contentPage, SWT.BORDER | SWT.TOP);
        tabs.setData(WidgetIds.KEY, WidgetIds.INSPECTOR_TABS);
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(tabs);

        OverviewTab overview = new OverviewTab(tabs, loaded, this::selectProcess);
        addTab(Messages.Tab_Overview, overview.control());
        processTabs.add(overview);
        memory = new MemoryTab(tabs, loaded);
        addTab(Messages.Tab_Memory, memory.control());
        processTabs.add(memory);
        FilesTab files = new FilesTab(tabs, loaded.model());
        addTab(Messages.Tab_Files, files.control());
        processTabs.add(files);
        SignalsTab signals = new SignalsTab(tabs);
        addTab(Messages.Tab_Signals, signals.control());
        processTabs.add(signals);
        LimitsTab limits = new LimitsTab(tabs);
        addTab(Messages.Tab_Limits, limits.control());
        processTabs.add(limits);
        addTab(Messages.Tab_Ipc, new IpcTab(tabs, loaded.model()).control());
        tabs.setSelection(0);

        compare = new CompareTab(tabs, loaded);
        compareButton.addListener(SWT.Selection, e -> compare.pickAndCompare());

        processCombo.addListener(SWT.Selection, e -> {
            int i = processCombo.getSelectionIndex();
            if (i >= 0) {
                selectProcess(processes.get(i));
            }
        });
        pages.topControl = contentPage;
        parent.layout(true, true);
        loaded.model().findProcess(loaded.model().getRootPid())
                .or(() -> processes.stream().findFirst()).ifPresent(this::selectProcess);
    }

    private void addTab(String text, Control control) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(text);
        item.setControl(control);
    }

    /** Shows a process in every per-process tab (from the selector or the overview's tree). */
    private void selectProcess(Process process) {
        int index = processes.indexOf(process);
        if (index >= 0 && processCombo.getSelectionIndex() != index) {
            processCombo.select(index);
        }
        for (InspectorTab tab : processTabs) {
            tab.show(process);
        }
    }

    /** The image file this part shows. */
    public Path path() {
        return path;
    }

    @Focus
    public void setFocus() {
        Control top = pages.topControl;
        (tabs != null && !tabs.isDisposed() ? tabs : top).setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (loadJob != null) {
            loadJob.cancel(); // a load that finishes after this closes its own image (onUiThread)
        }
        if (compare != null) {
            compare.dispose();
        }
        if (image != null) {
            try {
                image.close();
            } catch (IOException e) {
                // closing a read-only file: nothing the user could do about it
            }
        }
    }

    /** For tests: what the Compare button does once the user picked a file. */
    void compareWith(Path other) {
        compare.compareWith(other);
    }

    /** For tests: the memory map of the Memory tab. */
    MemoryMapCanvas memoryMap() {
        return memory.map();
    }

    /** For tests: the image once loaded, else null. */
    LoadedImage image() {
        return image;
    }
}
