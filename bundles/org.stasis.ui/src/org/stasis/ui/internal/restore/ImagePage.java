package org.stasis.ui.internal.restore;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Text;
import org.stasis.ui.WidgetIds;

/** Page 1: the image to restore, typed, browsed for, or picked among the recent checkpoints. */
final class ImagePage extends WizardPage {

    private final RestoreChoices choices;
    private final Path folder;
    private final java.util.List<Path> recent;
    private Text file;

    /**
     * @param folder the checkpoint folder the recent list comes from
     * @param recent its newest images, newest first
     */
    ImagePage(RestoreChoices choices, Path folder, java.util.List<Path> recent) {
        super("image"); //$NON-NLS-1$
        this.choices = choices;
        this.folder = folder;
        this.recent = java.util.List.copyOf(recent);
        setTitle(Messages.Image_Title);
        setDescription(Messages.Image_Description);
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(area);
        new Label(area, SWT.NONE).setText(Messages.Image_File);
        file = new Text(area, SWT.BORDER);
        file.setData(WidgetIds.KEY, WidgetIds.RESTORE_IMAGE);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(file);
        Button browse = new Button(area, SWT.PUSH);
        browse.setText(Messages.Image_Browse);
        browse.addListener(SWT.Selection, e -> browse());

        Label recentLabel = new Label(area, SWT.NONE);
        recentLabel.setText(NLS.bind(Messages.Image_Recent, folder));
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 8).applyTo(recentLabel);
        List list = new List(area, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        list.setData(WidgetIds.KEY, WidgetIds.RESTORE_RECENT);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(SWT.DEFAULT, 160).applyTo(list);
        if (recent.isEmpty()) {
            list.add(Messages.Image_NoRecent);
            list.setEnabled(false);
        }
        for (Path p : recent) {
            list.add(p.getFileName().toString());
        }
        list.addListener(SWT.Selection, e -> {
            int i = list.getSelectionIndex();
            if (i >= 0 && i < recent.size()) {
                file.setText(recent.get(i).toString());
            }
        });
        list.addListener(SWT.DefaultSelection, e -> {
            if (isPageComplete()) {
                getContainer().showPage(getNextPage());
            }
        });

        file.addModifyListener(e -> validate());
        if (choices.image != null) {
            file.setText(choices.image.toString());
        }
        validate();
        setControl(area);
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setText(Messages.Image_BrowseTitle);
        dialog.setFilterExtensions(new String[] { "*.stasis", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
        dialog.setFilterNames(new String[] { Messages.Image_Filter, Messages.Image_AllFiles });
        dialog.setFilterPath(folder.toString());
        String chosen = dialog.open();
        if (chosen != null) {
            file.setText(chosen);
        }
    }

    private void validate() {
        String text = file.getText().strip();
        Path path = text.isEmpty() ? null : Path.of(text).toAbsolutePath().normalize();
        if (path != null && !path.equals(choices.image)) {
            // another image: what was checked for the previous one no longer holds
            choices.image = path;
            choices.report = java.util.Optional.empty();
            choices.terminalFds = java.util.List.of();
        }
        boolean exists = path != null && Files.isRegularFile(path);
        setErrorMessage(path == null || exists ? null : NLS.bind(Messages.Image_Missing, path));
        setPageComplete(exists);
    }
}
