package org.stasis.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;

/** A System V IPC object (shared memory segment, semaphore set, message queue). */
@SuppressWarnings("nls") // feature names
public final class IpcObject extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("IpcObject");
    private static final EAttribute KIND = attribute(CLASS, "kind");
    private static final EAttribute IPC_ID = attribute(CLASS, "ipcId");
    private static final EAttribute KEY = attribute(CLASS, "key");
    private static final EAttribute OWNER = attribute(CLASS, "owner");
    private static final EAttribute PERMS = attribute(CLASS, "perms");
    private static final EAttribute SIZE = attribute(CLASS, "size");

    public IpcObject() {
        super(CLASS);
    }

    public IpcKind getKind() {
        return getEnum(KIND, IpcKind.class);
    }

    public void setKind(IpcKind kind) {
        set(KIND, kind);
    }

    public int getIpcId() {
        return getInt(IPC_ID);
    }

    public void setIpcId(int ipcId) {
        set(IPC_ID, Integer.valueOf(ipcId));
    }

    public int getKey() {
        return getInt(KEY);
    }

    public void setKey(int key) {
        set(KEY, Integer.valueOf(key));
    }

    /** @return owner uid */
    public int getOwner() {
        return getInt(OWNER);
    }

    public void setOwner(int owner) {
        set(OWNER, Integer.valueOf(owner));
    }

    public int getPerms() {
        return getInt(PERMS);
    }

    public void setPerms(int perms) {
        set(PERMS, Integer.valueOf(perms));
    }

    /** @return bytes, semaphores or queued bytes */
    public long getSize() {
        return getLong(SIZE);
    }

    public void setSize(long size) {
        set(SIZE, Long.valueOf(size));
    }
}
