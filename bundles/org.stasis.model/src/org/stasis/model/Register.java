package org.stasis.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;

/** One register of a thread, by name. */
@SuppressWarnings("nls") // feature names
public final class Register extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("Register");
    private static final EAttribute NAME = attribute(CLASS, "name");
    private static final EAttribute VALUE = attribute(CLASS, "value");

    public Register() {
        super(CLASS);
    }

    public String getName() {
        return getString(NAME);
    }

    public void setName(String name) {
        set(NAME, name);
    }

    public long getValue() {
        return getLong(VALUE);
    }

    public void setValue(long value) {
        set(VALUE, Long.valueOf(value));
    }

    /** @return the value as the kernel's register dumps show it: "0x00007ffd4a3b2c10" */
    public String getValueText() {
        return String.format("0x%016x", Long.valueOf(getValue()));
    }
}
