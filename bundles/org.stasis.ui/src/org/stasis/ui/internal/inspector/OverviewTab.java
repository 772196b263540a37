package org.stasis.ui.internal.inspector;

import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.stasis.core.processes.ProcessFormat;
import org.stasis.model.Image;
import org.stasis.model.Process;
import org.stasis.ui.WidgetIds;

/** Facts of the image file and its process tree; selecting a process selects it for every tab. */
final class OverviewTab implements InspectorTab {

    private static final int PAGE = 4096;

    private final Composite control;
    private final TreeViewer tree;
    private boolean showing;

    OverviewTab(Composite parent, LoadedImage loaded, Consumer<Process> select) {
        Image image = loaded.model();
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(16, 4).applyTo(control);
        fact(Messages.Overview_ImageId, image.getImageId(), WidgetIds.INSPECTOR_IMAGE_ID);
        fact(Messages.Overview_Parent, image.getParentImageId().isEmpty() ? Messages.Overview_NoParent
                : image.getParentImageId(), null);
        fact(Messages.Overview_Created, Formats.time(image.getCreated()), null);
        fact(Messages.Overview_Host, image.getHostname(), null);
        fact(Messages.Overview_Kernel, image.getKernelRelease() + "  " + image.getKernelVersion(), null); //$NON-NLS-1$
        fact(Messages.Overview_Arch, image.getArch(), null);
        fact(Messages.Overview_Format, image.getFormatVersion(), null);
        fact(Messages.Overview_Engine, image.getStasisVersion(), null);
        fact(Messages.Overview_FileSize, Formats.bytes(image.getFileSize()), null);
        fact(Messages.Overview_Pages, NLS.bind(Messages.Overview_PagesValue, Formats.bytes(image.getPagesSectionBytes()),
                Long.toString(image.getPagesSectionBytes() / PAGE)), null);
        fact(Messages.Overview_Freeze, Formats.millis(image.getFreezeNs()), null);
        fact(Messages.Overview_Killed, image.isKilledAfterDump() ? Messages.Overview_KilledYes
                : Messages.Overview_KilledNo, null);

        Label treeLabel = new Label(control, SWT.NONE);
        treeLabel.setText(Messages.Overview_Tree);
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).applyTo(treeLabel);
        tree = new TreeViewer(control, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        tree.getTree().setData(WidgetIds.KEY, WidgetIds.INSPECTOR_PROCESS_TREE);
        tree.getTree().setHeaderVisible(true);
        tree.getTree().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(tree.getTree());
        tree.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((Image) input).getRoots().toArray();
            }

            @Override
            public Object[] getChildren(Object element) {
                return ((Process) element).getChildren().toArray();
            }

            @Override
            public Object getParent(Object element) {
                return ((Process) element).getParent().orElse(null);
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((Process) element).getChildren().isEmpty();
            }
        });
        column(Messages.Col_Pid, 120, p -> Integer.toString(p.getPid()));
        column(Messages.Col_State, 90, p -> p.getState().getName().toLowerCase(java.util.Locale.ROOT));
        column(Messages.Col_Command, 700, p -> ProcessFormat.oneLine(String.join(" ", p.getCommandLine()))); //$NON-NLS-1$
        tree.setInput(image);
        tree.expandAll();
        tree.addSelectionChangedListener(e -> {
            if (!showing && ((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Process p) {
                select.accept(p);
            }
        });
    }

    private void fact(String name, String value, String id) {
        Label label = new Label(control, SWT.NONE);
        label.setText(name);
        // read-only Text rather than Label: ids and paths are what users copy
        Text text = new Text(control, SWT.READ_ONLY);
        text.setText(value == null ? "" : value); //$NON-NLS-1$
        if (id != null) {
            text.setData(WidgetIds.KEY, id);
        }
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
    }

    private void column(String header, int width, java.util.function.Function<Process, String> text) {
        TreeViewerColumn column = new TreeViewerColumn(tree, SWT.LEFT);
        column.getColumn().setText(header);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Process) element);
            }
        });
    }

    @Override
    public void show(Process process) {
        showing = true; // the selector moved: mirror it without echoing back
        try {
            tree.setSelection(new StructuredSelection(process), true);
        } finally {
            showing = false;
        }
    }

    Control control() {
        return control;
    }
}
