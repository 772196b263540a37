package org.stasis.ui.internal.inspector;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.stasis.model.FileDescriptor;
import org.stasis.model.Image;
import org.stasis.model.OpenFile;
import org.stasis.model.Pipe;
import org.stasis.model.Process;

/** The process's descriptors, and the pipes of the whole image with who holds which end. */
final class FilesTab implements InspectorTab {

    private final SashForm control;
    private final RowTable<FileDescriptor> fds;
    private Process shown;

    FilesTab(Composite parent, Image image) {
        control = new SashForm(parent, SWT.VERTICAL);
        fds = new RowTable<>(titled(control, Messages.Files_Descriptors), "fds", List.of( //$NON-NLS-1$
                Column.integer(Messages.Col_Fd, 60, FileDescriptor::getFd),
                Column.text(Messages.Col_FileKind, 90, fd -> file(fd) == null ? "" //$NON-NLS-1$
                        : file(fd).getKind().getName().toLowerCase(Locale.ROOT)),
                Column.text(Messages.Col_Path, 320, fd -> file(fd) == null ? "" : pathOf(file(fd))), //$NON-NLS-1$
                Column.text(Messages.Col_OpenFlags, 200, fd -> file(fd) == null ? "" : file(fd).getFlagsText()), //$NON-NLS-1$
                Column.number(Messages.Col_Offset, 90, fd -> file(fd) == null ? "" : Long.toString(file(fd).getOffset()), //$NON-NLS-1$
                        fd -> file(fd) == null ? 0 : file(fd).getOffset()),
                Column.text(Messages.Col_Cloexec, 100, fd -> fd.isCloexec() ? Messages.Yes : Messages.No),
                Column.text(Messages.Col_SharedWith, 160, this::sharedWith)));
        RowTable<Pipe> pipes = new RowTable<>(titled(control, Messages.Files_Pipes), "pipes", List.of( //$NON-NLS-1$
                Column.integer(Messages.Col_PipeId, 110, Pipe::getPipeId),
                Column.text(Messages.Col_Path, 200, Pipe::getFifoPath),
                Column.number(Messages.Col_Buffered, 90, p -> Formats.bytes(p.getBufferedBytes()), Pipe::getBufferedBytes),
                Column.number(Messages.Col_Capacity, 90, p -> Formats.bytes(p.getCapacity()), Pipe::getCapacity),
                Column.text(Messages.Col_Readers, 160, p -> pids(p.getReaders())),
                Column.text(Messages.Col_Writers, 160, p -> pids(p.getWriters()))));
        pipes.setRows(image.getPipes());
        control.setWeights(65, 35);
    }

    /** A composite with a caption above whatever is put into it. */
    static Composite titled(Composite parent, String title) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(c);
        Label label = new Label(c, SWT.NONE);
        label.setText(title);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(label);
        return c;
    }

    private static OpenFile file(FileDescriptor fd) {
        return fd.getFile().orElse(null);
    }

    private static String pathOf(OpenFile file) {
        return file.getPath().isEmpty() ? file.getPipe().map(p -> "pipe:[" + p.getPipeId() + "]").orElse("") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                : file.getPath();
    }

    /** The other processes of the image holding a descriptor of the same open file. */
    private String sharedWith(FileDescriptor fd) {
        OpenFile file = file(fd);
        return file == null ? "" : pids(file.getHolders().stream().filter(p -> p != shown).toList()); //$NON-NLS-1$
    }

    static String pids(List<Process> processes) {
        return processes.stream().map(p -> Integer.toString(p.getPid())).collect(Collectors.joining(", ")); //$NON-NLS-1$
    }

    @Override
    public void show(Process process) {
        shown = process;
        fds.setRows(process.getFds());
    }

    Control control() {
        return control;
    }
}
