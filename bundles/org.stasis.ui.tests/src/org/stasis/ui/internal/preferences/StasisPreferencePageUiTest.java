package org.stasis.ui.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.tests.UiDriver;

/** The preference dialog, opened as Window > Preferences… opens it, and driven with real input. */
class StasisPreferencePageUiTest {

    private static final Duration SHORT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Display display;
    private Shell shell;
    private UiDriver ui;
    private IEclipsePreferences node;

    @AfterEach
    void close() throws Exception {
        for (Shell s : display == null ? new Shell[0] : display.getShells()) {
            s.dispose();
        }
        if (node != null) {
            node.removeNode();
        }
    }

    private Shell open(StasisPreferences preferences) {
        display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        ui = new UiDriver(display);
        shell = new Shell(display);
        shell.setBounds(20, 20, 400, 300);
        shell.open();
        StasisPreferenceDialog dialog = new StasisPreferenceDialog(shell, preferences);
        dialog.setBlockOnOpen(false); // the test's event loop keeps running
        dialog.open();
        ui.settle();
        return dialog.getShell();
    }

    private static <T extends Control> T byId(Shell in, Class<T> type, String id) {
        return UiDriver.byData(in, type, WidgetIds.KEY, id);
    }

    /** @return the texts the dialog shows: labels, read-only texts and the title area's message */
    private static String texts(Shell in) {
        return UiDriver.findAll(in, Control.class, c -> c instanceof Label || c instanceof Text || c instanceof CLabel)
                .stream().map(c -> c instanceof Label l ? l.getText() : c instanceof Text t ? t.getText()
                        : ((CLabel) c).getText())
                .filter(t -> t != null && !t.isEmpty()).collect(Collectors.joining(" | "));
    }

    private static void assertShows(Shell in, String text) {
        String shown = texts(in);
        assertTrue(shown.contains(text), "expected '" + text + "' among: " + shown);
    }

    private void replaceText(Text field, String text) {
        ui.click(field);
        ui.waitUntil("field focused", SHORT, field::isFocusControl);
        field.selectAll();
        if (text.isEmpty()) {
            ui.keyWithXTest("BackSpace");
        } else {
            ui.type(text);
        }
        ui.waitUntil("typed '" + text + "' (the field shows '" + field.getText() + "')", SHORT,
                () -> field.getText().equals(text));
    }

    @Test
    void validatesTheHelperShowsItsVersionAndSaves() throws Exception {
        node = InstanceScope.INSTANCE.getNode("org.stasis.ui.tests.preferences");
        StasisPreferences preferences = new StasisPreferences(node);
        preferences.setCheckpointFolder(dir.resolve("before"));
        Shell dialog = open(preferences);
        Button ok = UiDriver.byText(dialog, Button.class, JFaceResources.getString("PreferencesDialog.okButtonLabel"));

        Text folder = byId(dialog, Text.class, WidgetIds.PREFERENCES_FOLDER);
        assertEquals(dir.resolve("before").toString(), folder.getText());
        Text helper = byId(dialog, Text.class, WidgetIds.PREFERENCES_HELPER);
        assertEquals("", helper.getText(), "no helper chosen: the bundled one");
        Label inUse = byId(dialog, Label.class, WidgetIds.PREFERENCES_HELPER_IN_USE);
        assertTrue(inUse.getText().startsWith("In use:"), inUse.getText());

        Path notExecutable = Files.writeString(dir.resolve("stasis"), "#!/bin/sh\n");
        replaceText(helper, notExecutable.toString());
        assertShows(dialog, "The stasis helper must be an executable file");
        assertShows(dialog, "In use: none: " + notExecutable + " is not an executable file");
        assertFalse(ok.isEnabled(), "OK waits for a usable helper");

        String engine = System.getProperty("stasis.engine");
        replaceText(helper, engine);
        ui.waitUntil("the helper's version", SHORT, () -> inUse.getText().contains("stasis 0.1.0"));
        assertTrue(inUse.getText().contains(engine) && inUse.getText().contains("chosen here"), inUse.getText());
        assertTrue(ok.isEnabled());

        replaceText(folder, "relative");
        assertFalse(ok.isEnabled(), "a relative folder is refused");
        replaceText(folder, dir.resolve("after").toString());
        ui.click(byId(dialog, Button.class, WidgetIds.PREFERENCES_STOP));
        ui.click(byId(dialog, Button.class, WidgetIds.PREFERENCES_PID_NAMESPACE));
        ui.waitUntil("OK enabled", SHORT, ok::isEnabled);
        ui.click(ok);
        ui.waitUntil("dialog closed", SHORT, dialog::isDisposed);

        StasisPreferences saved = new StasisPreferences(InstanceScope.INSTANCE.getNode("org.stasis.ui.tests.preferences"));
        assertEquals(dir.resolve("after"), saved.checkpointFolder());
        assertTrue(saved.stopAfterCheckpoint());
        assertTrue(saved.restoreInPidNamespace());
        assertEquals(Optional.of(Path.of(engine)), saved.helperOverride());
    }

    @Test
    void anEmptyHelperMeansTheBundledOne() throws Exception {
        node = InstanceScope.INSTANCE.getNode("org.stasis.ui.tests.preferences");
        StasisPreferences preferences = new StasisPreferences(node);
        preferences.setHelperOverride(Optional.of(Path.of(System.getProperty("stasis.engine"))));
        Shell dialog = open(preferences);
        Text helper = byId(dialog, Text.class, WidgetIds.PREFERENCES_HELPER);
        replaceText(helper, "");
        Label inUse = byId(dialog, Label.class, WidgetIds.PREFERENCES_HELPER_IN_USE);
        ui.waitUntil("the bundled helper described", SHORT, () -> inUse.getText().contains("the one Stasis ships")
                || inUse.getText().contains("was not found"));
        ui.click(UiDriver.byText(dialog, Button.class, JFaceResources.getString("PreferencesDialog.okButtonLabel")));
        ui.waitUntil("dialog closed", SHORT, dialog::isDisposed);
        assertEquals(Optional.empty(), new StasisPreferences(node).helperOverride());
    }
}
