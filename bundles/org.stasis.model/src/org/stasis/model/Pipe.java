package org.stasis.model;

import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;

/** A pipe or FIFO of the tree, with the bytes it buffered and the processes holding its ends. */
@SuppressWarnings("nls") // feature names
public final class Pipe extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("Pipe");
    private static final EAttribute PIPE_ID = attribute(CLASS, "pipeId");
    private static final EAttribute BUFFERED_BYTES = attribute(CLASS, "bufferedBytes");
    private static final EAttribute CAPACITY = attribute(CLASS, "capacity");
    private static final EAttribute FIFO_PATH = attribute(CLASS, "fifoPath");
    private static final EReference ENDS = reference(CLASS, "ends");
    private static final EReference READERS = reference(CLASS, "readers");
    private static final EReference WRITERS = reference(CLASS, "writers");

    public Pipe() {
        super(CLASS);
    }

    /** @return the pipe's inode number when dumped */
    public long getPipeId() {
        return getLong(PIPE_ID);
    }

    public void setPipeId(long pipeId) {
        set(PIPE_ID, Long.valueOf(pipeId));
    }

    public long getBufferedBytes() {
        return getLong(BUFFERED_BYTES);
    }

    public void setBufferedBytes(long bufferedBytes) {
        set(BUFFERED_BYTES, Long.valueOf(bufferedBytes));
    }

    /** @return F_GETPIPE_SZ */
    public int getCapacity() {
        return getInt(CAPACITY);
    }

    public void setCapacity(int capacity) {
        set(CAPACITY, Integer.valueOf(capacity));
    }

    /** @return named pipes: the path */
    public String getFifoPath() {
        return getString(FIFO_PATH);
    }

    public void setFifoPath(String fifoPath) {
        set(FIFO_PATH, fifoPath);
    }

    public EList<OpenFile> getEnds() {
        return getList(ENDS);
    }

    /** @return processes holding the read end */
    public EList<Process> getReaders() {
        return getList(READERS);
    }

    /** @return processes holding the write end */
    public EList<Process> getWriters() {
        return getList(WRITERS);
    }

    /** @return the processes holding either end, each once: writers first */
    public List<Process> getHolders() {
        return Stream.concat(getWriters().stream(), getReaders().stream()).distinct().toList();
    }
}
