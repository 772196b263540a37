package org.stasis.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;

/** One checkpoint: the header facts of the file and every process, open file and pipe of the tree. */
@SuppressWarnings("nls") // feature names
public final class Image extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("Image");
    private static final EAttribute IMAGE_ID = attribute(CLASS, "imageId");
    private static final EAttribute PARENT_IMAGE_ID = attribute(CLASS, "parentImageId");
    private static final EAttribute FORMAT_VERSION = attribute(CLASS, "formatVersion");
    private static final EAttribute STASIS_VERSION = attribute(CLASS, "stasisVersion");
    private static final EAttribute CREATED_UNIX_NS = attribute(CLASS, "createdUnixNs");
    private static final EAttribute HOSTNAME = attribute(CLASS, "hostname");
    private static final EAttribute KERNEL_RELEASE = attribute(CLASS, "kernelRelease");
    private static final EAttribute KERNEL_VERSION = attribute(CLASS, "kernelVersion");
    private static final EAttribute ARCH = attribute(CLASS, "arch");
    private static final EAttribute ROOT_PID = attribute(CLASS, "rootPid");
    private static final EAttribute FILE_SIZE = attribute(CLASS, "fileSize");
    private static final EAttribute PAGES_SECTION_BYTES = attribute(CLASS, "pagesSectionBytes");
    private static final EAttribute FREEZE_NS = attribute(CLASS, "freezeNs");
    private static final EAttribute KILLED_AFTER_DUMP = attribute(CLASS, "killedAfterDump");
    private static final EReference PROCESSES = reference(CLASS, "processes");
    private static final EReference FILES = reference(CLASS, "files");
    private static final EReference PIPES = reference(CLASS, "pipes");
    private static final EReference IPC_OBJECTS = reference(CLASS, "ipcObjects");

    public Image() {
        super(CLASS);
    }

    /** @return the image's id from the file header */
    public String getImageId() {
        return getString(IMAGE_ID);
    }

    public void setImageId(String imageId) {
        set(IMAGE_ID, imageId);
    }

    /** @return the id of the image this one is incremental to, or "" */
    public String getParentImageId() {
        return getString(PARENT_IMAGE_ID);
    }

    public void setParentImageId(String parentImageId) {
        set(PARENT_IMAGE_ID, parentImageId);
    }

    /** @return the file format version, "major.minor" */
    public String getFormatVersion() {
        return getString(FORMAT_VERSION);
    }

    public void setFormatVersion(String formatVersion) {
        set(FORMAT_VERSION, formatVersion);
    }

    /** @return version of the stasis engine that wrote the image */
    public String getStasisVersion() {
        return getString(STASIS_VERSION);
    }

    public void setStasisVersion(String stasisVersion) {
        set(STASIS_VERSION, stasisVersion);
    }

    /** @return when the dump was made, ns since the epoch */
    public long getCreatedUnixNs() {
        return getLong(CREATED_UNIX_NS);
    }

    public void setCreatedUnixNs(long createdUnixNs) {
        set(CREATED_UNIX_NS, Long.valueOf(createdUnixNs));
    }

    public String getHostname() {
        return getString(HOSTNAME);
    }

    public void setHostname(String hostname) {
        set(HOSTNAME, hostname);
    }

    /** @return uname -r of the dumping host */
    public String getKernelRelease() {
        return getString(KERNEL_RELEASE);
    }

    public void setKernelRelease(String kernelRelease) {
        set(KERNEL_RELEASE, kernelRelease);
    }

    /** @return uname -v of the dumping host */
    public String getKernelVersion() {
        return getString(KERNEL_VERSION);
    }

    public void setKernelVersion(String kernelVersion) {
        set(KERNEL_VERSION, kernelVersion);
    }

    /** @return "x86_64", "aarch64" */
    public String getArch() {
        return getString(ARCH);
    }

    public void setArch(String arch) {
        set(ARCH, arch);
    }

    /** @return pid of the tree's root as dumped */
    public int getRootPid() {
        return getInt(ROOT_PID);
    }

    public void setRootPid(int rootPid) {
        set(ROOT_PID, Integer.valueOf(rootPid));
    }

    /** @return size of the .stasis file in bytes */
    public long getFileSize() {
        return getLong(FILE_SIZE);
    }

    public void setFileSize(long fileSize) {
        set(FILE_SIZE, Long.valueOf(fileSize));
    }

    public long getPagesSectionBytes() {
        return getLong(PAGES_SECTION_BYTES);
    }

    public void setPagesSectionBytes(long pagesSectionBytes) {
        set(PAGES_SECTION_BYTES, Long.valueOf(pagesSectionBytes));
    }

    /** @return how long the tree was stopped */
    public long getFreezeNs() {
        return getLong(FREEZE_NS);
    }

    public void setFreezeNs(long freezeNs) {
        set(FREEZE_NS, Long.valueOf(freezeNs));
    }

    /** @return the tree was killed after the dump (--kill) */
    public boolean isKilledAfterDump() {
        return getBoolean(KILLED_AFTER_DUMP);
    }

    public void setKilledAfterDump(boolean killedAfterDump) {
        set(KILLED_AFTER_DUMP, Boolean.valueOf(killedAfterDump));
    }

    /** @return every process, parents before their children */
    public EList<Process> getProcesses() {
        return getList(PROCESSES);
    }

    /** @return open file descriptions, shared by the descriptors of several processes */
    public EList<OpenFile> getFiles() {
        return getList(FILES);
    }

    public EList<Pipe> getPipes() {
        return getList(PIPES);
    }

    /** @return System V IPC objects; empty until the engine records them */
    public EList<IpcObject> getIpcObjects() {
        return getList(IPC_OBJECTS);
    }

    /** @return the processes whose parent is not in the image: the tree's root, and orphans */
    public List<Process> getRoots() {
        return getProcesses().stream().filter(p -> p.getParent().isEmpty()).toList();
    }

    /** @return the process with this pid as dumped */
    public Optional<Process> findProcess(int pid) {
        return getProcesses().stream().filter(p -> p.getPid() == pid).findFirst();
    }

    /** @return when the dump was made */
    public Instant getCreated() {
        return Instant.EPOCH.plusNanos(getCreatedUnixNs());
    }
}
