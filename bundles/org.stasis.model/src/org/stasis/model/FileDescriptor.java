package org.stasis.model;

import java.util.Optional;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;

/** A descriptor number of one process, pointing at an {@link OpenFile}. */
@SuppressWarnings("nls") // feature names
public final class FileDescriptor extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("FileDescriptor");
    private static final EAttribute FD = attribute(CLASS, "fd");
    private static final EAttribute CLOEXEC = attribute(CLASS, "cloexec");
    private static final EReference FILE = reference(CLASS, "file");

    public FileDescriptor() {
        super(CLASS);
    }

    public int getFd() {
        return getInt(FD);
    }

    public void setFd(int fd) {
        set(FD, Integer.valueOf(fd));
    }

    public boolean isCloexec() {
        return getBoolean(CLOEXEC);
    }

    public void setCloexec(boolean cloexec) {
        set(CLOEXEC, Boolean.valueOf(cloexec));
    }

    public Optional<OpenFile> getFile() {
        return getOptional(FILE, OpenFile.class);
    }

    public void setFile(OpenFile file) {
        set(FILE, file);
    }

    /** @return the process that holds this descriptor */
    public Optional<Process> getProcess() {
        return eContainer() instanceof Process process ? Optional.of(process) : Optional.empty();
    }
}
