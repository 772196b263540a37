package org.stasis.model;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;

/** An open file description: offset and status flags, which several descriptors and processes may share after dup() or fork(). */
@SuppressWarnings("nls") // feature names
public final class OpenFile extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("OpenFile");
    private static final EAttribute FILE_ID = attribute(CLASS, "fileId");
    private static final EAttribute KIND = attribute(CLASS, "kind");
    private static final EAttribute PATH = attribute(CLASS, "path");
    private static final EAttribute FLAGS = attribute(CLASS, "flags");
    private static final EAttribute FLAGS_TEXT = attribute(CLASS, "flagsText");
    private static final EAttribute OFFSET = attribute(CLASS, "offset");
    private static final EAttribute SIZE = attribute(CLASS, "size");
    private static final EAttribute MODE = attribute(CLASS, "mode");
    private static final EReference DESCRIPTORS = reference(CLASS, "descriptors");
    private static final EReference PIPE = reference(CLASS, "pipe");

    public OpenFile() {
        super(CLASS);
    }

    public long getFileId() {
        return getLong(FILE_ID);
    }

    public void setFileId(long fileId) {
        set(FILE_ID, Long.valueOf(fileId));
    }

    public FileKind getKind() {
        return getEnum(KIND, FileKind.class);
    }

    public void setKind(FileKind kind) {
        set(KIND, kind);
    }

    /** @return the path as the process saw it; "" for pipes */
    public String getPath() {
        return getString(PATH);
    }

    public void setPath(String path) {
        set(PATH, path);
    }

    /** @return O_* status flags */
    public int getFlags() {
        return getInt(FLAGS);
    }

    public void setFlags(int flags) {
        set(FLAGS, Integer.valueOf(flags));
    }

    /** @return "O_WRONLY|O_APPEND" */
    public String getFlagsText() {
        return getString(FLAGS_TEXT);
    }

    public void setFlagsText(String flagsText) {
        set(FLAGS_TEXT, flagsText);
    }

    public long getOffset() {
        return getLong(OFFSET);
    }

    public void setOffset(long offset) {
        set(OFFSET, Long.valueOf(offset));
    }

    /** @return regular files: size when dumped */
    public long getSize() {
        return getLong(SIZE);
    }

    public void setSize(long size) {
        set(SIZE, Long.valueOf(size));
    }

    /** @return st_mode */
    public int getMode() {
        return getInt(MODE);
    }

    public void setMode(int mode) {
        set(MODE, Integer.valueOf(mode));
    }

    /** @return every descriptor, in every process, that refers to this description */
    public EList<FileDescriptor> getDescriptors() {
        return getList(DESCRIPTORS);
    }

    /** @return pipe and FIFO ends: the pipe */
    public Optional<Pipe> getPipe() {
        return getOptional(PIPE, Pipe.class);
    }

    public void setPipe(Pipe pipe) {
        set(PIPE, pipe);
    }

    /** @return the processes holding a descriptor of this file, each once, in image order */
    public List<Process> getHolders() {
        return getDescriptors().stream().flatMap(d -> d.getProcess().stream()).distinct().toList();
    }

    /** @return whether descriptors of several processes share this offset and these flags */
    public boolean isShared() {
        return getHolders().size() > 1;
    }
}
