package org.stasis.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;

/** One resource limit; {@link #UNLIMITED} stands for RLIM_INFINITY. */
@SuppressWarnings("nls") // feature names
public final class Rlimit extends ModelObject {

    /** RLIM_INFINITY (~0 as the kernel's unsigned 64-bit value) */
    public static final long UNLIMITED = -1L;

    private static final EClass CLASS = StasisPackage.eClass("Rlimit");
    private static final EAttribute RESOURCE = attribute(CLASS, "resource");
    private static final EAttribute NAME = attribute(CLASS, "name");
    private static final EAttribute SOFT = attribute(CLASS, "soft");
    private static final EAttribute HARD = attribute(CLASS, "hard");

    public Rlimit() {
        super(CLASS);
    }

    /** @return RLIMIT_* number */
    public int getResource() {
        return getInt(RESOURCE);
    }

    public void setResource(int resource) {
        set(RESOURCE, Integer.valueOf(resource));
    }

    /** @return "RLIMIT_NOFILE" */
    public String getName() {
        return getString(NAME);
    }

    public void setName(String name) {
        set(NAME, name);
    }

    public long getSoft() {
        return getLong(SOFT);
    }

    public void setSoft(long soft) {
        set(SOFT, Long.valueOf(soft));
    }

    public long getHard() {
        return getLong(HARD);
    }

    public void setHard(long hard) {
        set(HARD, Long.valueOf(hard));
    }

    /** @return the soft limit as text: a number, or "unlimited" */
    public String getSoftText() {
        return text(getSoft());
    }

    /** @return the hard limit as text: a number, or "unlimited" */
    public String getHardText() {
        return text(getHard());
    }

    private static String text(long limit) {
        return limit == UNLIMITED ? "unlimited" : Long.toUnsignedString(limit);
    }
}
