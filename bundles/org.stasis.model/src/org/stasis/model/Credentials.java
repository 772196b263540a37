package org.stasis.model;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;

/** User, group and capability sets of a process. */
@SuppressWarnings("nls") // feature names
public final class Credentials extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("Credentials");
    private static final EAttribute UID = attribute(CLASS, "uid");
    private static final EAttribute EUID = attribute(CLASS, "euid");
    private static final EAttribute SUID = attribute(CLASS, "suid");
    private static final EAttribute FSUID = attribute(CLASS, "fsuid");
    private static final EAttribute GID = attribute(CLASS, "gid");
    private static final EAttribute EGID = attribute(CLASS, "egid");
    private static final EAttribute SGID = attribute(CLASS, "sgid");
    private static final EAttribute FSGID = attribute(CLASS, "fsgid");
    private static final EAttribute GROUPS = attribute(CLASS, "groups");
    private static final EAttribute CAP_INHERITABLE = attribute(CLASS, "capInheritable");
    private static final EAttribute CAP_PERMITTED = attribute(CLASS, "capPermitted");
    private static final EAttribute CAP_EFFECTIVE = attribute(CLASS, "capEffective");
    private static final EAttribute CAP_BOUNDING = attribute(CLASS, "capBounding");
    private static final EAttribute CAP_AMBIENT = attribute(CLASS, "capAmbient");
    private static final EAttribute NO_NEW_PRIVS = attribute(CLASS, "noNewPrivs");

    public Credentials() {
        super(CLASS);
    }

    public int getUid() {
        return getInt(UID);
    }

    public void setUid(int uid) {
        set(UID, Integer.valueOf(uid));
    }

    public int getEuid() {
        return getInt(EUID);
    }

    public void setEuid(int euid) {
        set(EUID, Integer.valueOf(euid));
    }

    public int getSuid() {
        return getInt(SUID);
    }

    public void setSuid(int suid) {
        set(SUID, Integer.valueOf(suid));
    }

    public int getFsuid() {
        return getInt(FSUID);
    }

    public void setFsuid(int fsuid) {
        set(FSUID, Integer.valueOf(fsuid));
    }

    public int getGid() {
        return getInt(GID);
    }

    public void setGid(int gid) {
        set(GID, Integer.valueOf(gid));
    }

    public int getEgid() {
        return getInt(EGID);
    }

    public void setEgid(int egid) {
        set(EGID, Integer.valueOf(egid));
    }

    public int getSgid() {
        return getInt(SGID);
    }

    public void setSgid(int sgid) {
        set(SGID, Integer.valueOf(sgid));
    }

    public int getFsgid() {
        return getInt(FSGID);
    }

    public void setFsgid(int fsgid) {
        set(FSGID, Integer.valueOf(fsgid));
    }

    /** @return supplementary groups */
    public EList<Integer> getGroups() {
        return getList(GROUPS);
    }

    public long getCapInheritable() {
        return getLong(CAP_INHERITABLE);
    }

    public void setCapInheritable(long capInheritable) {
        set(CAP_INHERITABLE, Long.valueOf(capInheritable));
    }

    public long getCapPermitted() {
        return getLong(CAP_PERMITTED);
    }

    public void setCapPermitted(long capPermitted) {
        set(CAP_PERMITTED, Long.valueOf(capPermitted));
    }

    public long getCapEffective() {
        return getLong(CAP_EFFECTIVE);
    }

    public void setCapEffective(long capEffective) {
        set(CAP_EFFECTIVE, Long.valueOf(capEffective));
    }

    public long getCapBounding() {
        return getLong(CAP_BOUNDING);
    }

    public void setCapBounding(long capBounding) {
        set(CAP_BOUNDING, Long.valueOf(capBounding));
    }

    public long getCapAmbient() {
        return getLong(CAP_AMBIENT);
    }

    public void setCapAmbient(long capAmbient) {
        set(CAP_AMBIENT, Long.valueOf(capAmbient));
    }

    public boolean isNoNewPrivs() {
        return getBoolean(NO_NEW_PRIVS);
    }

    public void setNoNewPrivs(boolean noNewPrivs) {
        set(NO_NEW_PRIVS, Boolean.valueOf(noNewPrivs));
    }
}
