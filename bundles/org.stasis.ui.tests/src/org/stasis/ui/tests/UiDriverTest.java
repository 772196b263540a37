package org.stasis.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The helper itself: lookups by label, text and data key, real clicks and typing. */
class UiDriverTest {

    private Shell shell;
    private UiDriver ui;
    private Text name;
    private Button button;
    private final AtomicInteger clicks = new AtomicInteger();

    @BeforeEach
    void open() {
        Display display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        ui = new UiDriver(display);
        shell = new Shell(display);
        shell.setLayout(new GridLayout(2, false));
        new Label(shell, SWT.NONE).setText("Name:");
        name = new Text(shell, SWT.BORDER);
        name.setData("id", "name");
        new Label(shell, SWT.NONE).setText("Act:");
        button = new Button(shell, SWT.PUSH);
        button.setText("Checkpoint");
        button.addListener(SWT.Selection, e -> clicks.incrementAndGet());
        shell.setBounds(60, 60, 300, 120);
        shell.open();
        shell.forceActive();
        ui.settle();
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void findsByLabelTextAndData() {
        assertSame(name, UiDriver.byLabel(shell, Text.class, "Name:"));
        assertSame(button, UiDriver.byLabel(shell, Button.class, "Act:"));
        assertSame(button, UiDriver.byText(shell, Button.class, "Checkpoint"));
        assertSame(name, UiDriver.byData(shell, Text.class, "id", "name"));
        assertThrows(AssertionError.class, () -> UiDriver.byText(shell, Button.class, "Restore"));
        assertThrows(AssertionError.class, () -> UiDriver.byLabel(shell, Text.class, "Act:"));
    }

    @Test
    void clicksAndTypesWithRealEvents() {
        ui.click(button);
        ui.waitUntil("one click", Duration.ofSeconds(5), () -> clicks.get() == 1);
        ui.click(button);
        ui.waitUntil("two clicks", Duration.ofSeconds(5), () -> clicks.get() == 2);

        ui.click(name);
        ui.waitUntil("text focused", Duration.ofSeconds(5), name::isFocusControl);
        ui.type("pid 42");
        assertEquals("pid 42", name.getText());
    }

    @Test
    void waitUntilFailsAfterItsTimeout() {
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> ui.waitUntil("never", Duration.ofMillis(300), () -> false));
        assertEquals(true, e.getMessage().contains("never"));
        assertEquals(true, System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
    }
}
