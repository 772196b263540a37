package org.stasis.ui.internal.preferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;
import org.stasis.nativelib.NativeLocator;
import org.stasis.ui.WidgetIds;

/**
 * The one preference page: where checkpoints go, the default options of checkpoint and restore, and
 * which `stasis` helper runs them (checked to be executable, with its version shown). Works on
 * {@link StasisPreferences} directly: pure e4 has no 3.x preference store to bind field editors to.
 */
public final class StasisPreferencePage extends PreferencePage {

    private final StasisPreferences preferences;

    private Text folder;
    private Button stop;
    private Button pidNamespace;
    private Text helper;
    private Label helperInUse;
    /** Counts helper changes, so that a slow version check of an older path does not overwrite a newer one. */
    private int helperGeneration;
    /** The helper text the in-use line describes: typing in the folder field must not ask the helper again. */
    private String shownHelper;

    public StasisPreferencePage(StasisPreferences preferences) {
        super(Messages.Page_Title);
        this.preferences = Objects.requireNonNull(preferences, "preferences"); //$NON-NLS-1$
        setDescription(Messages.Page_Description);
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(6, 10).applyTo(page);

        Group checkpoints = group(page, Messages.Group_Checkpoint);
        new Label(checkpoints, SWT.NONE).setText(Messages.Folder_Label);
        folder = new Text(checkpoints, SWT.BORDER | SWT.SINGLE);
        folder.setData(WidgetIds.KEY, WidgetIds.PREFERENCES_FOLDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(folder);
        browse(checkpoints, () -> {
            DirectoryDialog chooser = new DirectoryDialog(getShell());
            chooser.setFilterPath(folder.getText());
            Optional.ofNullable(chooser.open()).ifPresent(folder::setText);
        });
        stop = new Button(checkpoints, SWT.CHECK);
        stop.setText(Messages.Stop_Label);
        stop.setData(WidgetIds.KEY, WidgetIds.PREFERENCES_STOP);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(stop);

        Group restore = group(page, Messages.Group_Restore);
        pidNamespace = new Button(restore, SWT.CHECK);
        pidNamespace.setText(Messages.PidNamespace_Label);
        pidNamespace.setData(WidgetIds.KEY, WidgetIds.PREFERENCES_PID_NAMESPACE);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(pidNamespace);

        Group engine = group(page, Messages.Group_Engine);
        new Label(engine, SWT.NONE).setText(Messages.Helper_Label);
        helper = new Text(engine, SWT.BORDER | SWT.SINGLE);
        helper.setMessage(Messages.Helper_Message);
        helper.setData(WidgetIds.KEY, WidgetIds.PREFERENCES_HELPER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(helper);
        browse(engine, () -> {
            FileDialog chooser = new FileDialog(getShell(), SWT.OPEN);
            chooser.setFilterPath(helper.getText());
            Optional.ofNullable(chooser.open()).ifPresent(helper::setText);
        });
        helperInUse = new Label(engine, SWT.WRAP);
        helperInUse.setData(WidgetIds.KEY, WidgetIds.PREFERENCES_HELPER_IN_USE);
        // room for three lines: the text changes as the user types, the dialog keeps its size
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(420, convertHeightInCharsToPixels(3))
                .applyTo(helperInUse);

        show(preferences.checkpointFolder(), preferences.stopAfterCheckpoint(), preferences.restoreInPidNamespace(),
                preferences.helperOverride());
        folder.addModifyListener(e -> validate());
        helper.addModifyListener(e -> validate());
        validate();
        return page;
    }

    private static Group group(Composite parent, String text) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(text);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        return group;
    }

    private static void browse(Composite parent, Runnable choose) {
        Button browse = new Button(parent, SWT.PUSH);
        browse.setText(Messages.Browse);
        browse.addListener(SWT.Selection, e -> choose.run());
    }

    private void show(Path checkpointFolder, boolean stopAfter, boolean inPidNamespace, Optional<Path> helperPath) {
        folder.setText(checkpointFolder.toString());
        stop.setSelection(stopAfter);
        pidNamespace.setSelection(inPidNamespace);
        helper.setText(helperPath.map(Path::toString).orElse("")); //$NON-NLS-1$
    }

    /** Says what is wrong as the user types; the dialog's OK stays disabled until nothing is. */
    private void validate() {
        String typed = helper.getText().strip();
        Optional<Path> chosen = Optional.empty();
        String helperProblem = null;
        if (!typed.isEmpty()) {
            try {
                chosen = Optional.of(Path.of(typed));
            } catch (InvalidPathException e) {
                // an impossible path is as unusable as a missing file
            }
            if (chosen.isEmpty() || !Files.isRegularFile(chosen.get()) || !Files.isExecutable(chosen.get())) {
                helperProblem = Messages.Helper_NotExecutable;
            }
        }
        String folderProblem = folderProblem();
        String problem = folderProblem != null ? folderProblem : helperProblem;
        setErrorMessage(problem);
        setValid(problem == null);
        if (!typed.equals(shownHelper)) {
            shownHelper = typed;
            showHelperInUse(typed, chosen, helperProblem != null);
        }
    }

    private String folderProblem() {
        String typed = folder.getText().strip();
        try {
            if (!typed.isEmpty() && !Path.of(typed).isAbsolute()) {
                return Messages.Folder_Relative;
            }
        } catch (InvalidPathException e) {
            return NLS.bind(Messages.Folder_Invalid, e.getMessage());
        }
        return null;
    }

    /** Shows which helper runs checkpoints, and its version once a background Job has asked it. */
    private void showHelperInUse(String typed, Optional<Path> chosen, boolean chosenIsInvalid) {
        int generation = ++helperGeneration;
        if (chosenIsInvalid) {
            helperInUse.setText(NLS.bind(Messages.Helper_InvalidInUse, typed));
            return;
        }
        Path inUse;
        try {
            inUse = chosen.isPresent() ? chosen.get() : NativeLocator.fromRuntime().helper();
        } catch (IOException e) {
            helperInUse.setText(NLS.bind(Messages.Helper_NoBundled, e.getMessage()));
            return;
        }
        String kind = chosen.isPresent() ? Messages.Helper_KindChosen : Messages.Helper_KindBundled;
        helperInUse.setText(NLS.bind(Messages.Helper_InUse, new Object[] { inUse, kind, Messages.Helper_Asking }));
        Job job = Job.create(NLS.bind(Messages.Version_Job, inUse), monitor -> {
            String version;
            try {
                version = HelperVersion.of(inUse);
            } catch (IOException e) {
                version = e.getMessage();
            }
            String text = NLS.bind(Messages.Helper_InUse, new Object[] { inUse, kind, version });
            helperInUse.getDisplay().asyncExec(() -> {
                if (!helperInUse.isDisposed() && generation == helperGeneration) {
                    helperInUse.setText(text);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    @Override
    protected void performDefaults() {
        show(StasisPreferences.defaultCheckpointFolder(), false, false, Optional.empty());
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        String typedFolder = folder.getText().strip();
        preferences.setCheckpointFolder(
                typedFolder.isEmpty() ? StasisPreferences.defaultCheckpointFolder() : Path.of(typedFolder));
        preferences.setStopAfterCheckpoint(stop.getSelection());
        preferences.setRestoreInPidNamespace(pidNamespace.getSelection());
        String typedHelper = helper.getText().strip();
        preferences.setHelperOverride(typedHelper.isEmpty() ? Optional.empty() : Optional.of(Path.of(typedHelper)));
        try {
            preferences.save();
            return true;
        } catch (BackingStoreException e) {
            setErrorMessage(NLS.bind(Messages.Save_Failed, e.getMessage()));
            return false;
        }
    }
}
