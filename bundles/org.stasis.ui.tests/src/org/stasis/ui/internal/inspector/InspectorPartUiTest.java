package org.stasis.ui.internal.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.processes.ProcessFormat;
import org.stasis.model.Vma;
import org.stasis.model.VmaKind;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.tests.PartHost;
import org.stasis.ui.tests.UiDriver;

/**
 * The image inspector on images the real engine wrote of a live python3, hosted through e4 DI in a
 * real shell (as the workbench hosts it from its part descriptor) and driven with real input.
 */
class InspectorPartUiTest {

    private static final Duration LOAD = Duration.ofSeconds(60);
    private static final Duration SHORT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    private static DumpedPython python;
    private static Path before;
    private static Path after;

    private PartHost host;
    private Display display;
    private Shell shell;
    private InspectorPart part;
    private UiDriver ui;

    @BeforeAll
    static void dumpTwice() throws Exception {
        python = new DumpedPython();
        before = dir.resolve("before.stasis");
        python.dump(before);
        python.changePages();
        after = dir.resolve("after.stasis");
        python.dump(after);
    }

    @AfterAll
    static void stopPython() throws Exception {
        if (python != null) {
            python.close();
        }
    }

    /** The part as the workbench makes it from its descriptor, with the services its Restore… button needs. */
    private void open(Path image) {
        host = PartHost.withWorkbenchServices("stasis-inspector-test");
        display = host.display;
        ui = host.ui;
        shell = host.shell("Stasis inspector test", 1200, 900);
        MPart model = PartHost.model(Map.of(InspectorPart.PATH_KEY, image.toString()));
        part = host.make(InspectorPart.class, shell, model);
        host.show(shell);
        assertEquals(image.getFileName().toString(), model.getLabel(), "the part is labelled with the file name");
    }

    private CTabFolder waitForTabs() {
        return ui.waitFor("the image's tabs", LOAD, () -> UiDriver
                .findAll(shell, CTabFolder.class, f -> WidgetIds.INSPECTOR_TABS.equals(f.getData(WidgetIds.KEY)))
                .stream().filter(CTabFolder::isVisible).findFirst());
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close(); // @PreDestroy closes the images; error dialogs and wizards go too
        }
    }

    private <T extends org.eclipse.swt.widgets.Control> T byId(Class<T> type, String id) {
        return UiDriver.byData(shell, type, WidgetIds.KEY, id);
    }

    private Table table(String name) {
        return byId(Table.class, WidgetIds.INSPECTOR_TABLE_PREFIX + name);
    }

    private void selectTab(CTabFolder tabs, String text) {
        CTabItem item = Arrays.stream(tabs.getItems()).filter(i -> i.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no tab " + text));
        ui.select(item);
    }

    @Test
    void overviewShowsTheDumpedProcess() throws Exception {
        open(before);
        waitForTabs();
        assertEquals(part.image().file().header().imageId(), byId(Text.class, WidgetIds.INSPECTOR_IMAGE_ID).getText());
        Tree tree = byId(Tree.class, WidgetIds.INSPECTOR_PROCESS_TREE);
        TreeItem row = UiDriver.treeItem(tree, 0, Integer.toString(python.pid()))
                .orElseThrow(() -> new AssertionError("no row for pid " + python.pid()));
        List<String> argv = List.of(Files.readString(Path.of("/proc", Integer.toString(python.pid()), "cmdline"))
                .split("\0"));
        assertTrue(argv.contains(DumpedPython.SCRIPT), "the command line is the script's");
        // the script's lines are joined into one row
        assertEquals(ProcessFormat.oneLine(String.join(" ", argv)), row.getText(2));
        assertFalse(row.getText(2).contains("\n"));
        assertTrue(row.getText(2).contains("import ctypes, sys, time n = 52428800"), row.getText(2));
    }

    @Test
    void everyTabCanBeShown() {
        open(before);
        CTabFolder tabs = waitForTabs();
        selectTab(tabs, Messages.Tab_Files);
        assertTrue(table("fds").getItemCount() >= 3, "stdin, stdout and stderr at least");
        selectTab(tabs, Messages.Tab_Signals);
        assertTrue(UiDriver.tableItem(table("registers"), 1, "rip").isPresent(), "the instruction pointer is listed");
        selectTab(tabs, Messages.Tab_Limits);
        TableItem nofile = UiDriver.tableItem(table("limits"), 0, "RLIMIT_NOFILE").orElseThrow();
        assertFalse(nofile.getText(1).isEmpty());
        assertTrue(UiDriver.tableItem(table("arguments"), 1, DumpedPython.SCRIPT).isPresent());
        selectTab(tabs, Messages.Tab_Ipc);
        assertEquals(Messages.Ipc_Empty, byId(Label.class, WidgetIds.INSPECTOR_IPC_LABEL).getText());
        selectTab(tabs, Messages.Tab_Memory);
        selectTab(tabs, Messages.Tab_Overview);
    }

    @Test
    void memoryShowsThePatternAndAbsentPages() {
        open(before);
        selectTab(waitForTabs(), Messages.Tab_Memory);
        Table vmas = table("vmas");
        TableItem holder = Arrays.stream(vmas.getItems()).filter(i -> {
            Vma v = (Vma) i.getData();
            return Long.compareUnsigned(v.getStart(), python.address) <= 0 && Long.compareUnsigned(python.address, v.getEnd()) < 0;
        }).findFirst().orElseThrow(() -> new AssertionError("no VMA holds the pattern"));
        Vma vma = (Vma) holder.getData();
        ui.click(holder);
        Table hex = byId(Table.class, WidgetIds.INSPECTOR_HEX);
        // the first whole row of the pattern
        long row = (python.address - vma.getStart() + 15) / 16;
        assertTrue(row < hex.getItemCount(), "the pattern starts in the first window");
        long at = vma.getStart() + row * 16;
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            expected.append(String.format(Locale.ROOT, "%02x", python.patternAt(at + i))).append(i == 7 ? "  " : " ");
        }
        ui.waitUntil("the hex view shows the selected VMA", SHORT,
                () -> hex.getItemCount() > row && hex.getItem((int) row).getText(0).equals(Formats.address(at)));
        hex.showItem(hex.getItem((int) row));
        ui.settle();
        assertEquals(expected.toString().strip(), hex.getItem((int) row).getText(1));

        // a clean file mapping stores nothing: its rows say so instead of showing zeros
        TableItem clean = Arrays.stream(vmas.getItems()).filter(i -> ((Vma) i.getData()).getKind() == VmaKind.FILE_PRIVATE
                && ((Vma) i.getData()).getPagesStored() == 0).findFirst().orElseThrow();
        ui.click(clean);
        ui.waitUntil("the hex view shows the clean mapping", SHORT,
                () -> hex.getItemCount() > 0 && hex.getItem(0).getText(0).equals(Formats.address(((Vma) clean.getData()).getStart())));
        assertEquals(Messages.Hex_NotStored, hex.getItem(0).getText(1));

        // clicking its block in the memory map selects the VMA in the table
        MemoryMapCanvas map = part.memoryMap();
        Rectangle block = map.blockOf(vma);
        assertNotNull(block, "the map painted the pattern's VMA");
        ui.clickWithXTest(map.control().toDisplay(block.x + block.width / 2, block.y + block.height / 2));
        ui.waitUntil("the map click selects the VMA", SHORT,
                () -> vmas.getSelectionCount() == 1 && vmas.getSelection()[0].getData() == vma);
    }

    @Test
    void tablesSortFilterAndCopy() {
        open(before);
        selectTab(waitForTabs(), Messages.Tab_Memory);
        Table vmas = table("vmas");
        TableColumn size = Arrays.stream(vmas.getColumns()).filter(c -> c.getText().equals(Messages.Col_Size))
                .findFirst().orElseThrow();
        ui.click(size);
        ui.waitUntil("sorted by size, ascending", SHORT, () -> isSorted(vmas, true));
        ui.click(size);
        ui.waitUntil("sorted by size, descending", SHORT, () -> isSorted(vmas, false));
        assertTrue(((Vma) vmas.getItem(0).getData()).getSize() >= DumpedPython.PATTERN_BYTES,
                "the pattern's VMA is among the largest");

        int all = vmas.getItemCount();
        Text filter = byId(Text.class, WidgetIds.INSPECTOR_FILTER_PREFIX + "vmas");
        ui.click(filter);
        ui.type("[stack]");
        ui.waitUntil("only the stack is left", SHORT, () -> vmas.getItemCount() == 1);
        assertTrue(all > 1);
        TableItem stack = vmas.getItem(0);
        assertEquals("[stack]", stack.getText(5));

        ui.click(stack);
        ui.keyCombo(SWT.CTRL, 'c');
        String expected = java.util.stream.IntStream.range(0, vmas.getColumnCount()).mapToObj(stack::getText)
                .collect(Collectors.joining("\t"));
        Clipboard clipboard = new Clipboard(display);
        try {
            ui.waitUntil("the row on the clipboard", SHORT,
                    () -> expected.equals(clipboard.getContents(TextTransfer.getInstance())));
        } finally {
            clipboard.dispose();
        }
    }

    /**
     * A file dragged from another window (a file manager) and dropped on the processes of the
     * inspector opens in the inspector: real X input through xdotool, SWT's DnD protocol on both sides.
     */
    @Test
    void droppedFileOpensInTheInspector() {
        open(before);
        waitForTabs();
        List<InspectorPart> opened = new java.util.ArrayList<>();
        // as the workbench window's shell carries it: the addon's drop target, here with an inspector
        // service that hosts each opened image's part in its own shell
        InspectorAddon.installDropTarget(shell, image -> {
            Shell dropped = host.shell("dropped " + image.getFileName(), 800, 90);
            dropped.setLocation(400, 930); // below the inspector: later drops must reach it
            MPart model = PartHost.model(Map.of(InspectorPart.PATH_KEY, image.toString()));
            opened.add(host.make(InspectorPart.class, dropped, model));
            dropped.open();
        });

        Path[] dragged = { after };
        Shell files = new Shell(display, SWT.NO_TRIM | SWT.ON_TOP);
        files.setText("file manager");
        files.setLayout(new FillLayout());
        files.setBounds(40, 930, 300, 80);
        Composite icon = new Composite(files, SWT.BORDER);
        DragSource source = new DragSource(icon, DND.DROP_COPY | DND.DROP_LINK);
        source.setTransfer(FileTransfer.getInstance());
        source.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragSetData(DragSourceEvent e) {
                e.data = new String[] { dragged[0].toString() };
            }
        });
        files.open();
        ui.settle();

        // onto the processes tree
        Tree tree = byId(Tree.class, WidgetIds.INSPECTOR_PROCESS_TREE);
        Rectangle area = tree.getClientArea();
        ui.dragWithXTest(icon.toDisplay(150, 40), tree.toDisplay(area.x + area.width / 2, area.y + area.height / 2));
        ui.waitUntil("the file dropped on the processes opens", LOAD,
                () -> opened.stream().anyMatch(p -> p.path().equals(after)));
        ui.waitFor("the dropped image's tabs", LOAD, () -> Arrays.stream(display.getShells())
                .filter(s -> s != shell)
                .flatMap(s -> UiDriver.findAll(s, CTabFolder.class,
                        f -> WidgetIds.INSPECTOR_TABS.equals(f.getData(WidgetIds.KEY))).stream())
                .filter(CTabFolder::isVisible).findFirst());
        assertEquals(1, opened.size(), "one drop, one part");

        // onto a text field, which under GTK takes drops of its own
        dragged[0] = before;
        shell.forceActive();
        ui.settle();
        Text id = byId(Text.class, WidgetIds.INSPECTOR_IMAGE_ID);
        ui.dragWithXTest(icon.toDisplay(150, 40), id.toDisplay(id.getSize().x / 2, id.getSize().y / 2));
        ui.waitUntil("the file dropped on a text field opens", LOAD,
                () -> opened.stream().anyMatch(p -> p.path().equals(before)));
        assertEquals(2, opened.size(), "two drops, two parts");
        assertEquals(part.image().file().header().imageId(), id.getText(), "the text field took no text");
    }

    private static boolean isSorted(Table table, boolean ascending) {
        if (table.getSortDirection() != (ascending ? SWT.UP : SWT.DOWN)) {
            return false;
        }
        for (int i = 1; i < table.getItemCount(); i++) {
            int c = Long.compareUnsigned(((Vma) table.getItem(i - 1).getData()).getSize(),
                    ((Vma) table.getItem(i).getData()).getSize());
            if (ascending ? c > 0 : c < 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void corruptImageShowsTheReadersMessage() throws Exception {
        Path corrupt = dir.resolve("corrupt.stasis");
        byte[] bytes = Files.readAllBytes(before);
        bytes[200] ^= 0x5a; // inside the header: its checksum no longer matches
        Files.write(corrupt, bytes);
        open(corrupt);
        Text error = ui.waitFor("the error in the part", LOAD, () -> Optional
                .of(byId(Text.class, WidgetIds.INSPECTOR_ERROR)).filter(t -> t.isVisible() && !t.getText().isEmpty()));
        assertTrue(error.getText().contains(corrupt.toString()), error.getText());
        assertTrue(error.getText().contains("(byte "), "the reader's byte offset: " + error.getText());
        assertFalse(error.getText().contains("Exception"), "no stack trace or class name: " + error.getText());
        Shell dialog = ui.waitFor("the error dialog", SHORT, () -> Arrays.stream(display.getShells())
                .filter(s -> s != shell && s.isVisible() && Messages.Load_FailedTitle.equals(s.getText())).findFirst());
        dialog.close();
    }

    @Test
    void restoreOpensTheRestoreWizardOnThisImage() {
        open(before);
        waitForTabs();
        ui.click(byId(Button.class, WidgetIds.INSPECTOR_RESTORE));
        Shell wizard = ui.waitForShell(org.stasis.ui.internal.restore.Messages.Wizard_Title, SHORT);
        assertEquals(shell, wizard.getParent(), "the wizard belongs to the inspector's window");
        assertEquals(before.toString(), UiDriver.byId(wizard, Text.class, WidgetIds.RESTORE_IMAGE).getText(),
                "the inspected image is pre-selected");
        ui.click(UiDriver.byText(wizard, Button.class, IDialogConstants.CANCEL_LABEL));
        ui.waitUntil("the wizard to close", SHORT, wizard::isDisposed);
    }

    @Test
    void compareShowsChangedPages() {
        open(before);
        waitForTabs();
        part.compareWith(after);
        Table entries = ui.waitFor("the comparison's entries", LOAD,
                () -> UiDriver.findAll(shell, Table.class,
                        t -> (WidgetIds.INSPECTOR_TABLE_PREFIX + "compare").equals(t.getData(WidgetIds.KEY))).stream()
                        .findFirst());
        // one row per mapping whose pages differ; the pattern's holds at least the pages python changed
        List<TableItem> changed = Arrays.stream(entries.getItems()).filter(i -> i.getText(0).equals("PAGES_CHANGED"))
                .toList();
        String rows = Arrays.stream(entries.getItems()).map(i -> i.getText(0) + " " + i.getText(1) + " " + i.getText(2)
                + " " + i.getText(3) + " " + i.getText(5)).toList().toString();
        assertTrue(changed.stream().anyMatch(i -> i.getText(1).equals(Integer.toString(python.pid()))
                && Long.parseLong(i.getText(5)) >= DumpedPython.CHANGED_PAGES), rows);
        assertFalse(byId(Label.class, WidgetIds.INSPECTOR_COMPARE_SUMMARY).getText().isEmpty());
    }
}
