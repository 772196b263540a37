package org.stasis.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;

/** An interval timer of a process. */
@SuppressWarnings("nls") // feature names
public final class ITimer extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("ITimer");
    private static final EAttribute WHICH = attribute(CLASS, "which");
    private static final EAttribute NAME = attribute(CLASS, "name");
    private static final EAttribute INTERVAL_US = attribute(CLASS, "intervalUs");
    private static final EAttribute VALUE_US = attribute(CLASS, "valueUs");

    public ITimer() {
        super(CLASS);
    }

    /** @return ITIMER_* number */
    public int getWhich() {
        return getInt(WHICH);
    }

    public void setWhich(int which) {
        set(WHICH, Integer.valueOf(which));
    }

    /** @return "ITIMER_REAL" */
    public String getName() {
        return getString(NAME);
    }

    public void setName(String name) {
        set(NAME, name);
    }

    public long getIntervalUs() {
        return getLong(INTERVAL_US);
    }

    public void setIntervalUs(long intervalUs) {
        set(INTERVAL_US, Long.valueOf(intervalUs));
    }

    /** @return time left when the tree was frozen */
    public long getValueUs() {
        return getLong(VALUE_US);
    }

    public void setValueUs(long valueUs) {
        set(VALUE_US, Long.valueOf(valueUs));
    }
}
