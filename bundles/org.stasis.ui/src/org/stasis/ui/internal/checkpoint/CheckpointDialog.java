package org.stasis.ui.internal.checkpoint;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.stasis.core.engine.DumpRequest;
import org.stasis.core.processes.ProcessFormat;
import org.stasis.ui.WidgetIds;

/**
 * Asks where to write a checkpoint and whether the tree stops afterwards; shows what will be taken
 * and how large the image will be, and judges the destination and the engine's privileges as the
 * user types, so that OK is only possible when the checkpoint can work.
 * <p>
 * Opens without blocking (the caller's event loop keeps running) and hands the request to a
 * callback when the user accepts.
 */
public final class CheckpointDialog extends TitleAreaDialog {

    private final CheckpointSubject subject;
    private final Path defaultFolder;
    private final boolean stopByDefault;
    private final String defaultName;
    private final CompletableFuture<PrivilegeStatus> privileges;
    private final DestinationCheck destinations;
    private final Consumer<DumpRequest> onAccept;

    private Text folder;
    private Text name;
    private Label free;
    private Button stop;
    private Label privilegeText;
    private PrivilegeStatus privilege;
    private DestinationCheck.Verdict verdict;

    /**
     * @param defaults the folder and the leave-running/stop choice to start with
     * @param now the time the default name carries
     * @param privileges the engine's verdict on privileges, possibly still being found out
     * @param onAccept receives the request when the user presses the Checkpoint button
     */
    public CheckpointDialog(Shell parent, CheckpointSubject subject, Path defaultFolder, boolean stopByDefault,
            LocalDateTime now, CompletableFuture<PrivilegeStatus> privileges, DestinationCheck destinations,
            Consumer<DumpRequest> onAccept) {
        super(parent);
        this.subject = Objects.requireNonNull(subject, "subject"); //$NON-NLS-1$
        this.defaultFolder = Objects.requireNonNull(defaultFolder, "defaultFolder"); //$NON-NLS-1$
        this.stopByDefault = stopByDefault;
        this.defaultName = ImageNames.of(subject.root(), now);
        this.privileges = Objects.requireNonNull(privileges, "privileges"); //$NON-NLS-1$
        this.destinations = Objects.requireNonNull(destinations, "destinations"); //$NON-NLS-1$
        this.onAccept = Objects.requireNonNull(onAccept, "onAccept"); //$NON-NLS-1$
        setBlockOnOpen(false);
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Dialog_ShellTitle);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(NLS.bind(Messages.Dialog_Title, subject.root().name(), subject.pid()));
        setMessage(Messages.Dialog_Message);

        Composite form = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).spacing(8, 6).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);

        value(form, Messages.Dialog_Process, NLS.bind(Messages.Dialog_ProcessValue, subject.pid(),
                ProcessFormat.oneLine(subject.root().commandLine())), WidgetIds.CHECKPOINT_PROCESS);
        value(form, Messages.Dialog_Tree, switch (subject.descendants()) {
            case 0 -> Messages.Dialog_TreeAlone;
            case 1 -> Messages.Dialog_TreeOne;
            default -> NLS.bind(Messages.Dialog_TreeValue, subject.descendants(), subject.processes());
        }, WidgetIds.CHECKPOINT_TREE);
        value(form, Messages.Dialog_Size, NLS.bind(Messages.Dialog_SizeValue, ProcessFormat.bytes(subject.treeRssBytes())),
                WidgetIds.CHECKPOINT_SIZE);

        new Label(form, SWT.NONE).setText(Messages.Dialog_Folder);
        folder = new Text(form, SWT.BORDER | SWT.SINGLE);
        folder.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_FOLDER);
        folder.setText(defaultFolder.toString());
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(folder);
        Button browse = new Button(form, SWT.PUSH);
        browse.setText(Messages.Dialog_Browse);
        browse.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_BROWSE);
        browse.addListener(SWT.Selection, e -> browse());

        new Label(form, SWT.NONE).setText(Messages.Dialog_Name);
        name = new Text(form, SWT.BORDER | SWT.SINGLE);
        name.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_NAME);
        name.setText(defaultName);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(name);

        free = value(form, Messages.Dialog_Free, "", WidgetIds.CHECKPOINT_FREE); //$NON-NLS-1$

        new Label(form, SWT.NONE).setText(Messages.Dialog_After);
        Composite choices = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(16, 0).applyTo(choices);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(choices);
        Button leave = new Button(choices, SWT.RADIO);
        leave.setText(Messages.Dialog_LeaveRunning);
        leave.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_LEAVE_RUNNING);
        leave.setSelection(!stopByDefault);
        stop = new Button(choices, SWT.RADIO);
        stop.setText(Messages.Dialog_Stop);
        stop.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_STOP);
        stop.setSelection(stopByDefault);

        privilegeText = new Label(form, SWT.WRAP);
        privilegeText.setData(WidgetIds.KEY, WidgetIds.CHECKPOINT_PRIVILEGE);
        privilegeText.setText(Messages.Dialog_CheckingPrivileges);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(480, SWT.DEFAULT).applyTo(privilegeText);

        folder.addModifyListener(e -> validate());
        name.addModifyListener(e -> validate());
        return area;
    }

    private static Label value(Composite form, String label, String text, String id) {
        new Label(form, SWT.NONE).setText(label);
        Label value = new Label(form, SWT.WRAP);
        value.setText(text);
        value.setData(WidgetIds.KEY, id);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(380, SWT.DEFAULT).applyTo(value);
        return value;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Dialog_Ok, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
        // the check is usually done long before the user gets here; if not, it arrives later
        privileges.thenAccept(status -> {
            if (!getShell().isDisposed()) {
                getShell().getDisplay().asyncExec(() -> privilegeKnown(status));
            }
        });
    }

    private void privilegeKnown(PrivilegeStatus status) {
        if (privilegeText.isDisposed()) {
            return;
        }
        privilege = status;
        privilegeText.setText(status.allowed() ? "" //$NON-NLS-1$
                : NLS.bind(Messages.Dialog_PrivilegeDetail, status.problem(), status.remedy()));
        privilegeText.getParent().layout(true, true);
        validate();
    }

    private void browse() {
        DirectoryDialog chooser = new DirectoryDialog(getShell());
        chooser.setText(Messages.Dialog_BrowseTitle);
        chooser.setFilterPath(folder.getText());
        String chosen = chooser.open();
        if (chosen != null) {
            folder.setText(chosen);
        }
    }

    /** Judges folder, name and privileges, says what is wrong, and allows OK only when nothing is. */
    private void validate() {
        verdict = destinations.check(folder.getText(), name.getText(), subject.treeRssBytes());
        free.setText(verdict.freeBytes().isPresent()
                ? NLS.bind(Messages.Dialog_FreeValue, ProcessFormat.bytes(verdict.freeBytes().getAsLong()))
                : Messages.Dialog_FreeUnknown);
        boolean blocked = privilege != null && !privilege.allowed();
        if (subject.includesWorkbench()) {
            setErrorMessage(NLS.bind(Messages.Dialog_IncludesWorkbench, Long.valueOf(ProcessHandle.current().pid())));
        } else if (blocked) {
            setErrorMessage(Messages.Dialog_NoPrivilege);
        } else if (verdict.severity() == DestinationCheck.Severity.ERROR) {
            setErrorMessage(verdict.message());
        } else {
            setErrorMessage(null);
            switch (verdict.severity()) {
                case WARNING -> setMessage(verdict.message(), IMessageProvider.WARNING);
                case INFO -> setMessage(verdict.message(), IMessageProvider.INFORMATION);
                default -> setMessage(Messages.Dialog_Message);
            }
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(allowed());
        }
    }

    private boolean allowed() {
        return privilege != null && privilege.allowed() && verdict.allowsCheckpoint() && !subject.includesWorkbench();
    }

    @Override
    protected void okPressed() {
        if (!allowed()) {
            return; // Enter in a field presses the default button even while it is disabled
        }
        DumpRequest request = new DumpRequest(subject.pid(), verdict.image().orElseThrow(), stop.getSelection());
        super.okPressed();
        onAccept.accept(request);
    }
}
