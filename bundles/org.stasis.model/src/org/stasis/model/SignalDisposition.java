package org.stasis.model;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;

/** How a process handles one signal. */
@SuppressWarnings("nls") // feature names
public final class SignalDisposition extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("SignalDisposition");
    private static final EAttribute SIGNAL = attribute(CLASS, "signal");
    private static final EAttribute NAME = attribute(CLASS, "name");
    private static final EAttribute HANDLER = attribute(CLASS, "handler");
    private static final EAttribute HANDLER_TEXT = attribute(CLASS, "handlerText");
    private static final EAttribute FLAGS = attribute(CLASS, "flags");
    private static final EAttribute FLAGS_TEXT = attribute(CLASS, "flagsText");
    private static final EAttribute MASK = attribute(CLASS, "mask");
    private static final EAttribute MASK_SIGNALS = attribute(CLASS, "maskSignals");

    public SignalDisposition() {
        super(CLASS);
    }

    public int getSignal() {
        return getInt(SIGNAL);
    }

    public void setSignal(int signal) {
        set(SIGNAL, Integer.valueOf(signal));
    }

    /** @return "SIGINT", "SIGRTMIN+3" */
    public String getName() {
        return getString(NAME);
    }

    public void setName(String name) {
        set(NAME, name);
    }

    public long getHandler() {
        return getLong(HANDLER);
    }

    public void setHandler(long handler) {
        set(HANDLER, Long.valueOf(handler));
    }

    /** @return "SIG_DFL", "SIG_IGN" or the handler's address */
    public String getHandlerText() {
        return getString(HANDLER_TEXT);
    }

    public void setHandlerText(String handlerText) {
        set(HANDLER_TEXT, handlerText);
    }

    /** @return SA_* bits */
    public long getFlags() {
        return getLong(FLAGS);
    }

    public void setFlags(long flags) {
        set(FLAGS, Long.valueOf(flags));
    }

    /** @return "SA_RESTART|SA_SIGINFO" */
    public String getFlagsText() {
        return getString(FLAGS_TEXT);
    }

    public void setFlagsText(String flagsText) {
        set(FLAGS_TEXT, flagsText);
    }

    /** @return signals blocked while the handler runs */
    public long getMask() {
        return getLong(MASK);
    }

    public void setMask(long mask) {
        set(MASK, Long.valueOf(mask));
    }

    /** @return names of the signals in the mask */
    public EList<String> getMaskSignals() {
        return getList(MASK_SIGNALS);
    }
}
