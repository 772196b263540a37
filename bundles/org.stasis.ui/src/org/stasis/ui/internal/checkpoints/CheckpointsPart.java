package org.stasis.ui.internal.checkpoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.stasis.ui.InspectorService;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.inspector.Column;
import org.stasis.ui.internal.inspector.Formats;
import org.stasis.ui.internal.inspector.RowTable;
import org.stasis.ui.internal.preferences.StasisPreferences;
import org.stasis.ui.internal.restore.RestoreWizardOpener;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Checkpoints view: the images in the checkpoint folders (the preferences' folder and those the
 * user added), read in a Job and kept current by a folder watch. Open, restore, delete and reveal
 * work on the selected image.
 */
public final class CheckpointsPart {

    private final MPart part;
    private final InspectorService inspector;
    private final IEclipseContext context;
    private final StasisPreferences preferences = new StasisPreferences();
    private final CheckpointFolders folders;
    private final IEclipsePreferences.IPreferenceChangeListener folderChanged = e -> {
        if (StasisPreferences.CHECKPOINT_FOLDER.equals(e.getKey())) {
            onUiThread(() -> {
                updateFolders();
                rescan();
            });
        }
    };

    /** Read by the Jobs: replaced whole on the UI thread. */
    private volatile List<Path> watched = List.of();
    private Map<String, Path> filesById = Map.of();
    private Display display;
    private RowTable<CheckpointEntry> table;
    private Label folderLabel;
    private Label status;
    private CheckpointScanJob scan;
    private FolderWatchJob watch;

    @Inject
    public CheckpointsPart(MPart part, InspectorService inspector, IEclipseContext context) {
        this.part = part;
        this.inspector = inspector;
        this.context = context;
        this.folders = new CheckpointFolders(part.getPersistedState());
    }

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);

        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(buttons);
        button(buttons, Messages.Action_Open, WidgetIds.CHECKPOINTS_OPEN, this::openSelected);
        button(buttons, Messages.Action_Restore, WidgetIds.CHECKPOINTS_RESTORE, this::restoreSelected);
        button(buttons, Messages.Action_Delete, WidgetIds.CHECKPOINTS_DELETE, this::deleteSelected);
        button(buttons, Messages.Action_Reveal, WidgetIds.CHECKPOINTS_REVEAL, this::revealSelected);
        button(buttons, Messages.Action_AddFolder, WidgetIds.CHECKPOINTS_ADD_FOLDER, this::addFolder);
        button(buttons, Messages.Action_RemoveFolder, WidgetIds.CHECKPOINTS_REMOVE_FOLDER, this::removeFolder);

        folderLabel = new Label(parent, SWT.WRAP);
        folderLabel.setData(WidgetIds.KEY, WidgetIds.CHECKPOINTS_FOLDERS);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(folderLabel);

        table = new RowTable<>(parent, WidgetIds.CHECKPOINTS_TABLE, WidgetIds.CHECKPOINTS_FILTER, columns());
        table.viewer().addDoubleClickListener(e -> openSelected());
        table.viewer().getTable().addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.DEL) {
                deleteSelected();
            }
        });

        status = new Label(parent, SWT.NONE);
        status.setData(WidgetIds.KEY, WidgetIds.CHECKPOINTS_STATUS);
        status.setText(Messages.Status_Scanning);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        updateFolders();
        preferences.addChangeListener(folderChanged);
        scan = new CheckpointScanJob(() -> watched, entries -> onUiThread(() -> show(entries)));
        watch = new FolderWatchJob(() -> watched, this::rescan);
        scan.schedule();
        watch.schedule();
    }

    private List<Column<CheckpointEntry>> columns() {
        Comparator<CheckpointEntry> byCreated = Comparator.comparing(
                e -> e.summary().map(CheckpointEntry.Summary::created).orElse(java.time.Instant.EPOCH));
        return List.of(Column.text(Messages.Col_File, 170, e -> e.file().getFileName().toString()),
                Column.text(Messages.Col_Process, 380, CheckpointsPart::process),
                new Column<>(Messages.Col_Created, 170, false,
                        e -> e.summary().map(s -> Formats.time(s.created())).orElse(""), byCreated), //$NON-NLS-1$
                Column.number(Messages.Col_Size, 90, e -> Formats.bytes(e.size()), CheckpointEntry::size),
                Column.text(Messages.Col_Parent, 160, this::parent),
                Column.text(Messages.Col_Folder, 220, e -> String.valueOf(e.file().getParent())));
    }

    private static String process(CheckpointEntry e) {
        return e.summary().map(s -> NLS.bind(Messages.Process_Text, s.command(), s.rootPid()))
                .orElseGet(() -> NLS.bind(Messages.Process_Unreadable, e.error()));
    }

    /** The parent's file name when it is listed here, else its id: images move between folders and hosts. */
    private String parent(CheckpointEntry e) {
        Optional<String> id = e.summary().flatMap(CheckpointEntry.Summary::parentId);
        if (id.isEmpty()) {
            return Messages.Parent_None;
        }
        Path file = filesById.get(id.get());
        return file != null ? file.getFileName().toString() : id.get();
    }

    private void button(Composite parent, String text, String id, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData(WidgetIds.KEY, id);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void show(List<CheckpointEntry> entries) {
        List<Path> selected = selection().stream().map(CheckpointEntry::file).toList();
        filesById = entries.stream().filter(e -> e.summary().isPresent()).collect(Collectors.toMap(
                e -> e.summary().get().imageId(), CheckpointEntry::file, (a, b) -> a, HashMap::new));
        // newest first until the user sorts otherwise
        table.setRows(entries.stream().sorted(Comparator.comparing(CheckpointEntry::modified).reversed()).toList());
        List<CheckpointEntry> reselect = entries.stream().filter(e -> selected.contains(e.file())).toList();
        table.viewer().setSelection(new StructuredSelection(reselect));
        status.setText(NLS.bind(Messages.Status_Count, entries.size()));
    }

    private List<CheckpointEntry> selection() {
        return ((IStructuredSelection) table.viewer().getSelection()).toList().stream()
                .map(CheckpointEntry.class::cast).toList();
    }

    private Optional<CheckpointEntry> selected() {
        return selection().stream().findFirst();
    }

    private void openSelected() {
        selected().ifPresent(e -> inspector.open(e.file()));
    }

    private void restoreSelected() {
        RestoreWizardOpener.open(folderLabel.getShell(), selected().map(CheckpointEntry::file), context);
    }

    private void deleteSelected() {
        selected().ifPresent(e -> Confirmation.ask(folderLabel.getShell(), Messages.Delete_Title,
                NLS.bind(Messages.Delete_Question, e.file()), Messages.Delete_Confirm, () -> delete(e.file())));
    }

    /** Deletes exactly that image: still a regular file with an image name, never a folder or a link's target. */
    private void delete(Path file) {
        try {
            if (CheckpointFiles.isImageName(file.getFileName().toString())
                    && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
                status.setText(NLS.bind(Messages.Status_Deleted, file.getFileName()));
            }
        } catch (IOException e) {
            status.setText(NLS.bind(Messages.Delete_Failed, file, e.getMessage()));
        }
        rescan();
    }

    private void revealSelected() {
        Path folder = selected().map(e -> e.file().getParent()).orElseGet(preferences::checkpointFolder);
        boolean opened = FileManager.reveal(folder, display);
        status.setText(NLS.bind(opened ? Messages.Status_Revealed : Messages.Status_Copied, folder));
    }

    private void addFolder() {
        DirectoryDialog dialog = new DirectoryDialog(folderLabel.getShell());
        dialog.setText(Messages.AddFolder_Title);
        String chosen = dialog.open();
        if (chosen != null) {
            folders.add(Path.of(chosen));
            updateFolders();
            rescan();
        }
    }

    private void removeFolder() {
        Optional<Path> folder = selected().map(e -> e.file().getParent().toAbsolutePath().normalize());
        if (folder.isEmpty()) {
            return;
        }
        if (!folders.added().contains(folder.get())) {
            status.setText(Messages.Status_NotRemovable);
            return;
        }
        folders.remove(folder.get());
        updateFolders();
        rescan();
    }

    private void updateFolders() {
        watched = folders.all(preferences.checkpointFolder());
        folderLabel.setText(NLS.bind(Messages.Folders,
                String.join(", ", watched.stream().map(Path::toString).toList()))); //$NON-NLS-1$
    }

    /** Reads the folders again soon; any thread. */
    private void rescan() {
        if (scan != null) {
            scan.schedule(100); // changes come in bursts (create, write, rename): read once after them
        }
    }

    private void onUiThread(Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!status.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    @Focus
    public void setFocus() {
        table.viewer().getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        preferences.removeChangeListener(folderChanged);
        watch.cancel();
        scan.cancel();
    }

    /** For tests: the table of images. */
    RowTable<CheckpointEntry> table() {
        return table;
    }
}
