package org.stasis.ui.internal.checkpoints;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.stasis.core.host.Executables;

/** Shows a folder in the desktop's file manager (xdg-open), or, without one, puts its path on the clipboard. */
final class FileManager {

    static final String XDG_OPEN = "xdg-open"; //$NON-NLS-1$

    private FileManager() {
    }

    /** @return true when a file manager was asked to show it; false when the path went to the clipboard */
    static boolean reveal(Path folder, Display display) {
        Optional<Path> opener = Executables.onPath(XDG_OPEN);
        if (opener.isPresent()) {
            try {
                // not waited for: xdg-open hands the folder to the file manager and ends
                new ProcessBuilder(opener.get().toString(), folder.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                return true;
            } catch (IOException e) {
                // fall through to the clipboard: the user still gets the path
            }
        }
        Clipboard clipboard = new Clipboard(display);
        try {
            clipboard.setContents(new Object[] { folder.toString() }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
        return false;
    }
}
