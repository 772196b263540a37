package org.stasis.ui.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.stasis.ui.WidgetIds;

/**
 * A small SWTBot replacement (SWTBot is not on Maven Central): finds widgets and drives them with
 * real input events through {@link Display#post}, which under X11 goes through XTest, so the widgets
 * see exactly what a user's mouse and keyboard would produce. Must be used on the display's thread.
 */
public final class UiDriver {

    private static final long PUMP_SLEEP_MS = 10;
    private static final long SETTLE_MS = 150;
    /** How long a widget may take to react to typing or a click (focus, text). */
    private static final Duration INPUT = Duration.ofSeconds(10);
    /** How long a click may take to show its effect (a selection, a menu) before it is taken as lost. */
    private static final Duration CLICK_EFFECT = Duration.ofSeconds(4);

    private final Display display;
    private long lastClick;

    public UiDriver(Display display) {
        this.display = Objects.requireNonNull(display, "display");
    }

    // ---- finding ---------------------------------------------------------------------------

    /** @return every control under root (root included) of the given type matching the predicate */
    public static <T extends Control> List<T> findAll(Control root, Class<T> type, Predicate<? super T> match) {
        List<T> found = new ArrayList<>();
        collect(root, type, match, found);
        return found;
    }

    private static <T extends Control> void collect(Control c, Class<T> type, Predicate<? super T> match,
            List<T> found) {
        if (type.isInstance(c) && match.test(type.cast(c))) {
            found.add(type.cast(c));
        }
        if (c instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, match, found);
            }
        }
    }

    /** @return the one control whose data under key equals value; fails if none or several */
    public static <T extends Control> T byData(Control root, Class<T> type, String key, Object value) {
        return single(findAll(root, type, c -> value.equals(c.getData(key))), type + " with data " + key + "=" + value);
    }

    /** @return the one control the workbench tagged with this widget id ({@link WidgetIds}) */
    public static <T extends Control> T byId(Control root, Class<T> type, String id) {
        return byData(root, type, WidgetIds.KEY, id);
    }

    /** @return whether a label or a text field under root (a title area's message is one) contains text */
    public static boolean shows(Control root, String text) {
        return !findAll(root, Control.class, c -> (c instanceof Label l && l.getText().contains(text))
                || (c instanceof Text t && t.getText().contains(text))).isEmpty();
    }

    /** @return the one control whose text (getText()) equals text */
    public static <T extends Control> T byText(Control root, Class<T> type, String text) {
        return single(findAll(root, type, c -> text.equals(textOf(c).orElse(null))), type + " with text " + text);
    }

    /** @return the control of the given type that follows the label with this text (a form field) */
    public static <T extends Control> T byLabel(Control root, Class<T> type, String label) {
        Label l = byText(root, Label.class, label);
        Control[] siblings = l.getParent().getChildren();
        for (int i = List.of(siblings).indexOf(l) + 1; i < siblings.length; i++) {
            if (type.isInstance(siblings[i])) {
                return type.cast(siblings[i]);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " after label " + label);
    }

    private static Optional<String> textOf(Control c) {
        try {
            Object text = c.getClass().getMethod("getText").invoke(c);
            return Optional.ofNullable(text).map(Object::toString);
        } catch (ReflectiveOperationException e) {
            return Optional.empty(); // widget without a text
        }
    }

    private static <T> T single(List<T> found, String what) {
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + what + ", found " + found.size());
        }
        return found.get(0);
    }

    /** @return the tree item, at any depth among created items, whose text in column equals text */
    public static Optional<TreeItem> treeItem(Tree tree, int column, String text) {
        return allItems(tree).stream().filter(i -> text.equals(i.getText(column))).findFirst();
    }

    /** @return all created items, depth first, in display order */
    public static List<TreeItem> allItems(Tree tree) {
        List<TreeItem> items = new ArrayList<>();
        for (TreeItem item : tree.getItems()) {
            addWithChildren(item, items);
        }
        return items;
    }

    private static void addWithChildren(TreeItem item, List<TreeItem> items) {
        items.add(item);
        for (TreeItem child : item.getItems()) {
            addWithChildren(child, items);
        }
    }

    // ---- input -------------------------------------------------------------------------------

    /** Left click in the middle of a control. */
    public void click(Control control) {
        Point size = control.getSize();
        clickAt(control.toDisplay(size.x / 2, size.y / 2));
    }

    /** Left click on a tree item's first column, near its left edge (after the expander). */
    public void click(TreeItem item) {
        reveal(item);
        clickRow(item.getParent(), item.getBounds(0));
    }

    /** Scrolls a tree so that item's row is inside the visible area. */
    private void reveal(TreeItem item) {
        Tree tree = item.getParent();
        tree.showItem(item);
        settle();
        // GTK may not have scrolled yet when the tree is long (a busy machine has hundreds of
        // processes): put the row at the top, which always lands inside the visible area
        if (!tree.getClientArea().contains(item.getBounds(0).x, item.getBounds(0).y + 1)) {
            tree.setTopItem(item);
            settle();
        }
    }

    /**
     * Opens the tree's context menu on row with a real right click and returns the menu, shown. A
     * lost right click is repeated, after an Escape for whatever might hold the pointer.
     */
    public Menu openContextMenu(TreeItem row) {
        Menu menu = Objects.requireNonNull(row.getParent().getMenu(), "the tree has no context menu");
        repeatClick("the context menu on row " + row.getText(0), () -> {
            reveal(row);
            contextClickWithXTest(center(row));
        }, menu::isVisible, () -> keyWithXTest("Escape"));
        return menu;
    }

    /** Clicks a tree row until it is the tree's one selected row (see {@link #repeatClick}). */
    public void select(TreeItem row) {
        Tree tree = row.getParent();
        repeatClick("row " + row.getText(0) + " selected", () -> click(row),
                () -> tree.getSelectionCount() == 1 && tree.getSelection()[0] == row, UiDriver::nothingToUndo);
    }

    /** Clicks a table row until it is the table's one selected row (see {@link #repeatClick}). */
    public void select(TableItem row) {
        Table table = row.getParent();
        repeatClick("row " + row.getText(0) + " selected", () -> click(row),
                () -> table.getSelectionCount() == 1 && table.getSelection()[0] == row, UiDriver::nothingToUndo);
    }

    /** Clicks a CTabFolder's tab until it is the selected one (see {@link #repeatClick}). */
    public void select(CTabItem tab) {
        CTabFolder folder = tab.getParent();
        repeatClick("tab " + tab.getText() + " selected (tab at " + tab.getBounds() + " of a folder at "
                + folder.toDisplay(0, 0) + " sized " + folder.getSize() + ")", () -> click(tab),
                () -> folder.getSelection() == tab, UiDriver::nothingToUndo);
    }

    /** Before clicking a row or tab again: a click that landed on another one only selected that one. */
    private static void nothingToUndo() {
        // the next click selects the right row
    }

    /**
     * Clicks until what the click should bring about holds, at most three times. On a loaded X
     * server a click can land before the window under the pointer is ready for it and be lost, and
     * rows of a live view can move between reading a row's place and the click arriving; neither
     * leaves a trace but the missing effect. Each repeat is said on stderr.
     */
    private void repeatClick(String effect, Runnable click, BooleanSupplier done, Runnable beforeRepeat) {
        for (int attempt = 1;; attempt++) {
            click.run();
            try {
                waitUntil(effect + " (click " + attempt + ")", CLICK_EFFECT, done);
                return;
            } catch (AssertionError missed) {
                if (attempt == 3) {
                    throw missed;
                }
                System.err.println("UiDriver: " + missed.getMessage() + "; clicking again");
                beforeRepeat.run();
            }
        }
    }

    /** Left click on a table row's first column. */
    public void click(TableItem item) {
        item.getParent().showItem(item);
        clickRow(item.getParent(), item.getBounds(0));
    }

    private void clickRow(Control parent, Rectangle cell) {
        settle(); // showItem may scroll
        clickAt(parent.toDisplay(cell.x + Math.min(cell.width / 2, 40), cell.y + cell.height / 2));
    }

    /** Left click on a tree's column header. */
    public void click(TreeColumn column) {
        Tree tree = column.getParent();
        clickHeader(tree, tree.getColumnOrder(), i -> tree.getColumn(i).getWidth(), tree.indexOf(column),
                tree.getHeaderHeight());
    }

    /** Left click on a table's column header. */
    public void click(TableColumn column) {
        Table table = column.getParent();
        clickHeader(table, table.getColumnOrder(), i -> table.getColumn(i).getWidth(), table.indexOf(column),
                table.getHeaderHeight());
    }

    private void clickHeader(Composite control, int[] order, java.util.function.IntUnaryOperator width, int column,
            int headerHeight) {
        int x = 0;
        for (int index : order) {
            if (index == column) {
                break;
            }
            x += width.applyAsInt(index);
        }
        // GTK puts the header at negative y: the client area starts headerHeight above the first row
        Rectangle client = control.getClientArea();
        clickAt(control.toDisplay(client.x + x + width.applyAsInt(column) / 2, client.y + headerHeight / 2));
    }

    /** Left click on a CTabFolder's tab. */
    public void click(CTabItem item) {
        CTabFolder folder = item.getParent();
        Rectangle r = item.getBounds();
        clickWithXTest(folder.toDisplay(r.x + r.width / 2, r.y + r.height / 2));
    }

    /**
     * Left click through the xdotool command (XTest from another client) instead of Display.post.
     * Needed for controls that draw themselves and hit-test the event's x/y (CTabFolder, Canvas):
     * SWT/GTK 3 delivers the button events it posts itself with x/y of the display's origin, which
     * native GTK widgets ignore but such controls do not.
     */
    public void clickWithXTest(Point onDisplay) {
        approach(onDisplay);
        runXdotool(List.of("xdotool", "mousemove", Integer.toString(onDisplay.x), Integer.toString(onDisplay.y),
                "click", "1"), 10_000, "click");
    }

    /**
     * Right click (the context-menu button) through xdotool, like {@link #clickWithXTest}: GTK opens
     * context menus on the press of button 3 as the X server reports it.
     */
    private void contextClickWithXTest(Point onDisplay) {
        approach(onDisplay);
        runXdotool(List.of("xdotool", "mousemove", Integer.toString(onDisplay.x), Integer.toString(onDisplay.y),
                "click", "3"), 10_000, "context click");
    }

    /**
     * Presses and releases a key named by its X keysym (e.g. "BackSpace", "ctrl+a") through xdotool:
     * for keys that Display.post cannot express as a character.
     */
    public void keyWithXTest(String keysym) {
        runXdotool(List.of("xdotool", "key", keysym), 10_000, "key " + keysym);
    }

    /** @return the display point in the middle of a tree item's first column */
    private static Point center(TreeItem item) {
        Rectangle cell = item.getBounds(0);
        return item.getParent().toDisplay(cell.x + Math.min(cell.width / 2, 40), cell.y + cell.height / 2);
    }

    /** A key without modifiers (e.g. SWT.ARROW_DOWN, SWT.CR) to whatever has the keyboard focus or grab. */
    public void key(int keyCode) {
        press(keyCode, '\0');
        settle();
    }

    /** Posts a KeyDown and a KeyUp: of a key code, or of a character (one of them 0). */
    private void press(int keyCode, char character) {
        for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
            Event e = new Event();
            e.type = type;
            e.keyCode = keyCode;
            e.character = character;
            post(e);
        }
    }

    /**
     * Drags with the left button from one display point to another through xdotool (XTest from
     * another client), moving in steps as a hand would, while the event loop keeps running: SWT's
     * drag detection and the drag and drop protocol happen in this display's event loop.
     */
    public void dragWithXTest(Point from, Point to) {
        approach(from);
        List<String> command = new ArrayList<>(List.of("xdotool", "mousemove", Integer.toString(from.x),
                Integer.toString(from.y), "sleep", "0.3", "mousedown", "1", "sleep", "0.3"));
        int steps = 12;
        for (int i = 1; i <= steps; i++) {
            command.addAll(List.of("mousemove", Integer.toString(from.x + (to.x - from.x) * i / steps),
                    Integer.toString(from.y + (to.y - from.y) * i / steps), "sleep", "0.1"));
        }
        command.addAll(List.of("mousemove", Integer.toString(to.x + 2), Integer.toString(to.y + 1), "sleep", "0.3",
                "mousemove", Integer.toString(to.x), Integer.toString(to.y), "sleep", "0.5", "mouseup", "1"));
        runXdotool(command, 30_000, "drag");
    }

    /**
     * @return the pids of the windows on this display whose class matches windowClass (xdotool's
     *         case-insensitive pattern), for windows of other programs (a terminal the UI opened)
     */
    public static List<Long> windowPids(String windowClass) {
        try {
            java.lang.Process xdotool = new ProcessBuilder("xdotool", "search", "--class", windowClass, "getwindowpid",
                    "%@").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(xdotool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // exit 1: no such window yet
            return xdotool.waitFor() == 0 ? out.lines().map(Long::valueOf).toList() : List.of();
        } catch (java.io.IOException e) {
            throw new AssertionError("xdotool is needed to find windows (apt-get install xdotool)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Runs an xdotool command while the event loop keeps running (the input it sends arrives, and
     * SWT's drag and drop happens, in this display's event loop), then lets the UI settle.
     */
    private void runXdotool(List<String> command, long timeoutMillis, String what) {
        try {
            java.lang.Process xdotool = new ProcessBuilder(command).redirectErrorStream(true).start();
            long end = System.currentTimeMillis() + timeoutMillis;
            while (xdotool.isAlive()) {
                if (System.currentTimeMillis() > end) {
                    xdotool.destroyForcibly();
                    throw new AssertionError("xdotool did not finish the " + what);
                }
                pumpOnce();
            }
            if (xdotool.exitValue() != 0) {
                throw new AssertionError("xdotool failed: " + new String(xdotool.getInputStream().readAllBytes()));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("xdotool is needed for this " + what + " (apt-get install xdotool)", e);
        }
        lastClick = System.currentTimeMillis();
        settle();
    }

    /** A key with a modifier held (e.g. SWT.MOD1 and 'c' for Ctrl+C) to whatever has the focus. */
    public void keyCombo(int modifierKeyCode, char key) {
        Event down = new Event();
        down.type = SWT.KeyDown;
        down.keyCode = modifierKeyCode;
        post(down);
        for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
            Event e = new Event();
            e.type = type;
            e.character = key;
            post(e);
        }
        Event up = new Event();
        up.type = SWT.KeyUp;
        up.keyCode = modifierKeyCode;
        post(up);
        settle();
    }

    /** @return the row whose text in column equals text */
    public static Optional<TableItem> tableItem(Table table, int column, String text) {
        return List.of(table.getItems()).stream().filter(i -> text.equals(i.getText(column))).findFirst();
    }

    /** Waits out the double-click time since the last click, then moves the pointer next to onDisplay. */
    private void approach(Point onDisplay) {
        // two clicks closer than the double-click time would be one double click, not two clicks
        long wait = lastClick + display.getDoubleClickTime() + SETTLE_MS - System.currentTimeMillis();
        if (wait > 0) {
            pause(wait);
        }
        // arrive from elsewhere, as a hand would: GTK widgets react to enter/motion before a press
        post(mouse(SWT.MouseMove, new Point(onDisplay.x + 5, onDisplay.y + 3)));
        settle();
    }

    public void clickAt(Point onDisplay) {
        approach(onDisplay);
        post(mouse(SWT.MouseMove, onDisplay));
        settle();
        post(mouse(SWT.MouseDown, onDisplay));
        // let the widget see the press before the release, as with a finger (GTK header buttons
        // and tree rows drop a release that arrives before their press was handled)
        settle();
        post(mouse(SWT.MouseUp, onDisplay));
        lastClick = System.currentTimeMillis();
        settle();
    }

    /** Replaces a field's text by typing, as a user who selected it all (a triple click) would. */
    public void replaceText(Text field, String text) {
        click(field);
        waitUntil("field focused", INPUT, field::isFocusControl);
        field.selectAll();
        type(text);
        waitUntil("typed " + text + " (field has " + field.getText() + ")", INPUT, () -> field.getText().equals(text));
    }

    /** Types text into whatever has the keyboard focus, one KeyDown/KeyUp per character. */
    public void type(String text) {
        for (char c : text.toCharArray()) {
            press(0, c);
            pump();
        }
        settle();
    }

    private static Event mouse(int type, Point at) {
        Event e = new Event();
        e.type = type;
        e.x = at.x;
        e.y = at.y;
        e.button = type == SWT.MouseMove ? 0 : 1;
        return e;
    }

    private void post(Event e) {
        if (!display.post(e)) {
            throw new AssertionError("Display.post refused event type " + e.type);
        }
    }

    // ---- waiting -----------------------------------------------------------------------------

    /** Runs the event loop until condition holds; fails with what after timeout. */
    public void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            pumpOnce();
        }
    }

    /** Waits for a visible window (a dialog, a wizard) titled title, and returns it. */
    public Shell waitForShell(String title, Duration timeout) {
        return waitFor("the " + title + " window", timeout, () -> List.of(display.getShells()).stream()
                .filter(s -> s.isVisible() && title.equals(s.getText())).findFirst());
    }

    /** Waits until supplier yields a value, and returns it. */
    public <T> T waitFor(String what, Duration timeout, Supplier<Optional<T>> supplier) {
        List<T> holder = new ArrayList<>(1);
        waitUntil(what, timeout, () -> supplier.get().map(holder::add).orElse(false));
        return holder.get(0);
    }

    /** Processes all pending events. */
    public void pump() {
        while (display.readAndDispatch()) {
            // drain
        }
    }

    /** Lets the window system deliver posted events and the widgets react. */
    public void settle() {
        pause(SETTLE_MS);
    }

    /** Keeps the event loop running for ms milliseconds. */
    public void pause(long ms) {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            pumpOnce();
        }
    }

    /**
     * Drains every pending event, then sleeps briefly. Draining matters: readAndDispatch runs
     * asyncExec runnables only when no event is pending, so dispatching one event per check could
     * starve the view's refreshes while a condition keeps generating paint events.
     */
    private void pumpOnce() {
        pump();
        try {
            Thread.sleep(PUMP_SLEEP_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
