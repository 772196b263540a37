package org.stasis.ui.internal.restore;

import static org.stasis.ui.internal.widgets.FormWidgets.group;
import static org.stasis.ui.internal.widgets.FormWidgets.radio;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.stasis.core.restore.TerminalEmulator;
import org.stasis.ui.WidgetIds;

/**
 * Page 3: original PIDs or a new PID namespace (forced when a pid is taken), detached or on a
 * terminal (only offered when there is a terminal emulator), and where the fds that were a terminal
 * go (a file, /dev/null, or the terminal window when attached).
 */
final class OptionsPage extends WizardPage {

    private final RestoreChoices choices;
    private final Optional<TerminalEmulator> emulator;
    private Button originalPids;
    private Button namespace;
    private Label pidsNote;
    private Button detached;
    private Button terminal;
    private Label fdsNote;
    private Button toFile;
    private Text file;
    private Button browse;
    private Button toNull;
    private Button keep;
    private Label keepNote;

    OptionsPage(RestoreChoices choices, Optional<TerminalEmulator> emulator) {
        super("options"); //$NON-NLS-1$
        this.choices = choices;
        this.emulator = emulator;
        setTitle(Messages.Options_Title);
        setDescription(Messages.Options_Description);
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(area);

        Group pids = group(area, Messages.Options_Pids, 1);
        originalPids = radio(pids, Messages.Options_OriginalPids, WidgetIds.RESTORE_ORIGINAL_PIDS);
        namespace = radio(pids, Messages.Options_PidNamespace, WidgetIds.RESTORE_PID_NAMESPACE);
        pidsNote = note(pids);
        originalPids.addListener(SWT.Selection, e -> choices.pidNamespace = namespace.getSelection());
        namespace.addListener(SWT.Selection, e -> choices.pidNamespace = namespace.getSelection());

        Group attach = group(area, Messages.Options_Attach, 1);
        detached = radio(attach, Messages.Options_Detached, WidgetIds.RESTORE_DETACHED);
        terminal = radio(attach, Messages.Options_Terminal, WidgetIds.RESTORE_TERMINAL);
        Label terminalNote = note(attach);
        if (emulator.isEmpty()) {
            terminal.setEnabled(false);
            terminalNote.setText(NLS.bind(Messages.Options_NoTerminalEmulator,
                    String.join(", ", TerminalEmulator.CANDIDATES))); //$NON-NLS-1$
        }
        detached.addListener(SWT.Selection, e -> attachChanged());
        terminal.addListener(SWT.Selection, e -> attachChanged());

        Group output = group(area, Messages.Options_Output, 3);
        fdsNote = new Label(output, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(480, SWT.DEFAULT).applyTo(fdsNote);
        toFile = radio(output, Messages.Options_OutputFile, WidgetIds.RESTORE_OUTPUT_FILE);
        file = new Text(output, SWT.BORDER);
        file.setData(WidgetIds.KEY, WidgetIds.RESTORE_OUTPUT_PATH);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
        browse = new Button(output, SWT.PUSH);
        browse.setText(Messages.Options_OutputBrowse);
        toNull = radio(output, Messages.Options_OutputNull, WidgetIds.RESTORE_OUTPUT_NULL);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(toNull);
        keep = radio(output, Messages.Options_OutputKeep, WidgetIds.RESTORE_OUTPUT_KEEP);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(keep);
        keepNote = note(output);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(keepNote);
        toFile.addListener(SWT.Selection, e -> outputChanged());
        toNull.addListener(SWT.Selection, e -> outputChanged());
        keep.addListener(SWT.Selection, e -> outputChanged());
        file.addModifyListener(e -> outputChanged());
        browse.addListener(SWT.Selection, e -> browse());

        detached.setSelection(true);
        setControl(area);
    }


    private static Label note(Composite parent) {
        Label l = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(l);
        return l;
    }

    /** The image or its check changed: bring the options in line with it. */
    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            boolean forced = choices.pidNamespaceForced();
            originalPids.setEnabled(!forced);
            originalPids.setSelection(!forced && !choices.pidNamespace);
            namespace.setSelection(forced || choices.pidNamespace);
            pidsNote.setText(forced ? Messages.Options_PidsTaken : ""); //$NON-NLS-1$
            fdsNote.setText(choices.terminalFds.isEmpty() ? Messages.Options_OutputNone
                    : NLS.bind(Messages.Options_OutputSome, String.join(", ", choices.terminalFds))); //$NON-NLS-1$
            if (file.getText().isBlank() && choices.image != null) {
                file.setText(RestoreChoices.defaultOutputFile(choices.image).toString());
            }
            attachChanged();
            ((Composite) getControl()).layout(true, true);
        }
        super.setVisible(visible);
    }

    private void attachChanged() {
        choices.attachToTerminal = terminal.getSelection();
        boolean some = !choices.terminalFds.isEmpty();
        boolean attached = choices.attachToTerminal;
        // attached, the terminal window is where everything goes; detached, there is no terminal to keep
        toFile.setEnabled(some && !attached);
        toNull.setEnabled(some && !attached);
        keep.setEnabled(some && attached);
        if (attached) {
            select(keep);
        } else if (keep.getSelection() || !(toFile.getSelection() || toNull.getSelection())) {
            select(toFile);
        }
        keepNote.setText(some && !attached ? Messages.Options_OutputKeepDetached : ""); //$NON-NLS-1$
        outputChanged();
    }

    private void select(Button radio) {
        for (Button b : new Button[] { toFile, toNull, keep }) {
            b.setSelection(b == radio);
        }
    }

    private void outputChanged() {
        choices.output = keep.getSelection() ? OutputTarget.KEEP
                : toNull.getSelection() ? OutputTarget.DEV_NULL : OutputTarget.FILE;
        boolean fileNeeded = !choices.terminalFds.isEmpty() && !choices.attachToTerminal
                && choices.output == OutputTarget.FILE;
        file.setEnabled(fileNeeded);
        browse.setEnabled(fileNeeded);
        String text = file.getText().strip();
        choices.outputFile = text.isEmpty() ? null : Path.of(text).toAbsolutePath();
        boolean complete = !fileNeeded || choices.outputFile != null;
        setErrorMessage(complete ? null : Messages.Options_OutputFileMissing);
        setPageComplete(complete);
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        dialog.setOverwrite(false); // appended to, never replaced
        if (choices.outputFile != null) {
            dialog.setFilterPath(String.valueOf(choices.outputFile.getParent()));
            dialog.setFileName(choices.outputFile.getFileName().toString());
        }
        String chosen = dialog.open();
        if (chosen != null) {
            file.setText(chosen);
        }
    }
}
