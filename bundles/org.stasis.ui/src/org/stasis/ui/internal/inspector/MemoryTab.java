package org.stasis.ui.internal.inspector;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.stasis.model.Process;
import org.stasis.model.Vma;
import org.stasis.model.VmaKind;

/** The memory areas of the process: a map of its address space, their table, and the selected one's bytes. */
final class MemoryTab implements InspectorTab {

    private final SashForm control;
    private final MemoryMapCanvas map;
    private final RowTable<Vma> table;
    private final HexView hex;

    MemoryTab(Composite parent, LoadedImage loaded) {
        control = new SashForm(parent, SWT.VERTICAL);

        Composite top = new Composite(control, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(top);
        Label caption = new Label(top, SWT.WRAP);
        caption.setText(Messages.Memory_Map);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(caption);
        map = new MemoryMapCanvas(top);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 90).applyTo(map.control());

        Composite middle = new Composite(control, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 0).applyTo(middle);
        table = new RowTable<>(middle, "vmas", List.of( //$NON-NLS-1$
                Column.unsigned(Messages.Col_Range, 270, v -> Formats.range(v.getStart(), v.getEnd()), Vma::getStart),
                Column.unsigned(Messages.Col_Size, 90, v -> Formats.bytes(v.getSize()), Vma::getSize),
                Column.text(Messages.Col_Prot, 55, Vma::getProtText),
                Column.text(Messages.Col_Kind, 120, v -> kindText(v.getKind())),
                Column.text(Messages.Col_Flags, 170, Vma::getFlagsText),
                Column.text(Messages.Col_Backing, 300, v -> v.getPath().isEmpty() ? v.getName() : v.getPath()),
                Column.number(Messages.Col_Stored, 110, v -> Formats.pages(v.getPagesStored(), v.getSize() / 4096),
                        Vma::getPagesStored),
                Column.integer(Messages.Col_Resident, 80, Vma::getPagesResident)));

        hex = new HexView(control, loaded.file());
        control.setWeights(22, 38, 40);

        table.viewer().addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            Vma vma = first instanceof Vma v ? v : null;
            map.setSelected(vma);
            hex.show(vma);
        });
        map.onClick(vma -> table.viewer().setSelection(new StructuredSelection(vma), true));
    }

    /** Words for a kind; the map's legend uses the same. */
    static String kindText(VmaKind kind) {
        return switch (kind) {
            case ANON_PRIVATE -> Messages.Kind_ANON_PRIVATE;
            case ANON_SHARED -> Messages.Kind_ANON_SHARED;
            case FILE_PRIVATE -> Messages.Kind_FILE_PRIVATE;
            case FILE_SHARED -> Messages.Kind_FILE_SHARED;
            case VDSO -> Messages.Kind_VDSO;
            case VVAR -> Messages.Kind_VVAR;
        };
    }

    @Override
    public void show(Process process) {
        table.setRows(process.getVmas());
        map.setVmas(process.getVmas());
        hex.setProcess(process.getPid());
        hex.show(null);
    }

    MemoryMapCanvas map() {
        return map;
    }

    Control control() {
        return control;
    }
}
