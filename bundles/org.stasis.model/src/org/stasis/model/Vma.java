package org.stasis.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;

/** One memory area of a process. */
@SuppressWarnings("nls") // feature names
public final class Vma extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("Vma");
    private static final EAttribute START = attribute(CLASS, "start");
    private static final EAttribute END = attribute(CLASS, "end");
    private static final EAttribute SIZE = attribute(CLASS, "size");
    private static final EAttribute PROT = attribute(CLASS, "prot");
    private static final EAttribute PROT_TEXT = attribute(CLASS, "protText");
    private static final EAttribute FLAGS = attribute(CLASS, "flags");
    private static final EAttribute FLAGS_TEXT = attribute(CLASS, "flagsText");
    private static final EAttribute KIND = attribute(CLASS, "kind");
    private static final EAttribute NAME = attribute(CLASS, "name");
    private static final EAttribute PATH = attribute(CLASS, "path");
    private static final EAttribute FILE_OFFSET = attribute(CLASS, "fileOffset");
    private static final EAttribute PAGES_STORED = attribute(CLASS, "pagesStored");
    private static final EAttribute PAGES_RESIDENT = attribute(CLASS, "pagesResident");
    private static final EAttribute SHARED_ID = attribute(CLASS, "sharedId");

    public Vma() {
        super(CLASS);
    }

    public long getStart() {
        return getLong(START);
    }

    public void setStart(long start) {
        set(START, Long.valueOf(start));
    }

    public long getEnd() {
        return getLong(END);
    }

    public void setEnd(long end) {
        set(END, Long.valueOf(end));
    }

    /** @return end - start, in bytes */
    public long getSize() {
        return getLong(SIZE);
    }

    public void setSize(long size) {
        set(SIZE, Long.valueOf(size));
    }

    /** @return PROT_* bits */
    public int getProt() {
        return getInt(PROT);
    }

    public void setProt(int prot) {
        set(PROT, Integer.valueOf(prot));
    }

    /** @return as in /proc/PID/maps: "r-xp" */
    public String getProtText() {
        return getString(PROT_TEXT);
    }

    public void setProtText(String protText) {
        set(PROT_TEXT, protText);
    }

    /** @return MAP_* bits */
    public int getFlags() {
        return getInt(FLAGS);
    }

    public void setFlags(int flags) {
        set(FLAGS, Integer.valueOf(flags));
    }

    /** @return "MAP_PRIVATE|MAP_GROWSDOWN" */
    public String getFlagsText() {
        return getString(FLAGS_TEXT);
    }

    public void setFlagsText(String flagsText) {
        set(FLAGS_TEXT, flagsText);
    }

    public VmaKind getKind() {
        return getEnum(KIND, VmaKind.class);
    }

    public void setKind(VmaKind kind) {
        set(KIND, kind);
    }

    /** @return "[heap]", "[stack]", a path, or "" */
    public String getName() {
        return getString(NAME);
    }

    public void setName(String name) {
        set(NAME, name);
    }

    /** @return backing file of a file mapping */
    public String getPath() {
        return getString(PATH);
    }

    public void setPath(String path) {
        set(PATH, path);
    }

    public long getFileOffset() {
        return getLong(FILE_OFFSET);
    }

    public void setFileOffset(long fileOffset) {
        set(FILE_OFFSET, Long.valueOf(fileOffset));
    }

    /** @return 4 KiB pages the image stores */
    public long getPagesStored() {
        return getLong(PAGES_STORED);
    }

    public void setPagesStored(long pagesStored) {
        set(PAGES_STORED, Long.valueOf(pagesStored));
    }

    /** @return pages present in memory when dumped */
    public long getPagesResident() {
        return getLong(PAGES_RESIDENT);
    }

    public void setPagesResident(long pagesResident) {
        set(PAGES_RESIDENT, Long.valueOf(pagesResident));
    }

    /** @return the same non-zero id in several processes means one shared object */
    public long getSharedId() {
        return getLong(SHARED_ID);
    }

    public void setSharedId(long sharedId) {
        set(SHARED_ID, Long.valueOf(sharedId));
    }
}
