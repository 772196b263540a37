package org.stasis.ui.internal.inspector;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/** Choosing an image file: one dialog for File > Open and for Compare with. */
final class ImageFiles {

    private ImageFiles() {
    }

    /** Asks for a .stasis file; empty when the user cancels. */
    static Optional<Path> choose(Shell shell, String title) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(title);
        dialog.setFilterExtensions(new String[] { "*.stasis", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
        dialog.setFilterNames(new String[] { Messages.Open_Filter, Messages.Open_AllFiles });
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }
}
