package org.stasis.ui.internal.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.stasis.ui.tests.UiDriver.byId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.preferences.StasisPreferences;
import org.stasis.ui.tests.PartHost;
import org.stasis.ui.tests.UiDriver;

/**
 * File > Restore…: the handler, executed through e4 DI as the workbench executes it for the menu
 * item, opens the restore wizard over the active window with no image chosen yet and the checkpoint
 * folder's images offered, newest first.
 */
class RestoreHandlerUiTest {

    private static final Duration SHORT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private PartHost host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
        InstanceScope.INSTANCE.getNode(StasisPreferences.NODE).remove(StasisPreferences.CHECKPOINT_FOLDER);
    }

    @Test
    void restoreOpensTheWizardToChooseAnImage() throws Exception {
        // names are all the recent list reads: no need to checkpoint anything
        Path older = Files.writeString(dir.resolve("older.stasis"), "");
        Files.setLastModifiedTime(older, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.writeString(dir.resolve("newer.stasis"), "");
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        new StasisPreferences().setCheckpointFolder(dir);

        host = PartHost.withWorkbenchServices("stasis-restore-handler-test");
        Shell window = host.shell("Stasis restore handler test", 600, 400);
        host.show(window);
        host.context.set(IServiceConstants.ACTIVE_SHELL, window);
        ContextInjectionFactory.invoke(new RestoreHandler(), Execute.class, host.context);

        Shell wizard = host.ui.waitForShell(Messages.Wizard_Title, SHORT);
        assertEquals(window, wizard.getParent(), "the wizard belongs to the active window");
        assertEquals("", byId(wizard, Text.class, WidgetIds.RESTORE_IMAGE).getText(), "no image chosen yet");
        assertEquals(List.of("newer.stasis", "older.stasis"),
                List.of(byId(wizard, org.eclipse.swt.widgets.List.class, WidgetIds.RESTORE_RECENT).getItems()),
                "the checkpoint folder's images, newest first");
        assertFalse(UiDriver.byText(wizard, Button.class, IDialogConstants.NEXT_LABEL).isEnabled(),
                "no Next before an image is chosen");
        host.ui.click(UiDriver.byText(wizard, Button.class, IDialogConstants.CANCEL_LABEL));
        host.ui.waitUntil("the wizard to close", SHORT, wizard::isDisposed);
    }
}
