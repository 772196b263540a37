package org.stasis.model;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;

/** One thread: its registers, signal masks, rseq area and alternate signal stack. */
@SuppressWarnings("nls") // feature names
public final class Thread extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("Thread");
    private static final EAttribute TID = attribute(CLASS, "tid");
    private static final EReference REGISTERS = reference(CLASS, "registers");
    private static final EAttribute BLOCKED = attribute(CLASS, "blocked");
    private static final EAttribute BLOCKED_SIGNALS = attribute(CLASS, "blockedSignals");
    private static final EAttribute PENDING_SIGNALS = attribute(CLASS, "pendingSignals");
    private static final EAttribute RSEQ_ADDRESS = attribute(CLASS, "rseqAddress");
    private static final EAttribute RSEQ_LENGTH = attribute(CLASS, "rseqLength");
    private static final EAttribute RSEQ_SIGNATURE = attribute(CLASS, "rseqSignature");
    private static final EAttribute ALTSTACK_SP = attribute(CLASS, "altstackSp");
    private static final EAttribute ALTSTACK_SIZE = attribute(CLASS, "altstackSize");
    private static final EAttribute ALTSTACK_FLAGS = attribute(CLASS, "altstackFlags");
    private static final EAttribute CLEAR_CHILD_TID = attribute(CLASS, "clearChildTid");
    private static final EAttribute IN_SYSCALL_RESTART = attribute(CLASS, "inSyscallRestart");

    public Thread() {
        super(CLASS);
    }

    public int getTid() {
        return getInt(TID);
    }

    public void setTid(int tid) {
        set(TID, Integer.valueOf(tid));
    }

    /** @return the register file in the kernel's order */
    public EList<Register> getRegisters() {
        return getList(REGISTERS);
    }

    /** @return the blocked signal mask */
    public long getBlocked() {
        return getLong(BLOCKED);
    }

    public void setBlocked(long blocked) {
        set(BLOCKED, Long.valueOf(blocked));
    }

    /** @return names of the blocked signals */
    public EList<String> getBlockedSignals() {
        return getList(BLOCKED_SIGNALS);
    }

    /** @return names of the signals pending for this thread only */
    public EList<String> getPendingSignals() {
        return getList(PENDING_SIGNALS);
    }

    public long getRseqAddress() {
        return getLong(RSEQ_ADDRESS);
    }

    public void setRseqAddress(long rseqAddress) {
        set(RSEQ_ADDRESS, Long.valueOf(rseqAddress));
    }

    public int getRseqLength() {
        return getInt(RSEQ_LENGTH);
    }

    public void setRseqLength(int rseqLength) {
        set(RSEQ_LENGTH, Integer.valueOf(rseqLength));
    }

    public int getRseqSignature() {
        return getInt(RSEQ_SIGNATURE);
    }

    public void setRseqSignature(int rseqSignature) {
        set(RSEQ_SIGNATURE, Integer.valueOf(rseqSignature));
    }

    public long getAltstackSp() {
        return getLong(ALTSTACK_SP);
    }

    public void setAltstackSp(long altstackSp) {
        set(ALTSTACK_SP, Long.valueOf(altstackSp));
    }

    public long getAltstackSize() {
        return getLong(ALTSTACK_SIZE);
    }

    public void setAltstackSize(long altstackSize) {
        set(ALTSTACK_SIZE, Long.valueOf(altstackSize));
    }

    public int getAltstackFlags() {
        return getInt(ALTSTACK_FLAGS);
    }

    public void setAltstackFlags(int altstackFlags) {
        set(ALTSTACK_FLAGS, Integer.valueOf(altstackFlags));
    }

    /** @return set_tid_address */
    public long getClearChildTid() {
        return getLong(CLEAR_CHILD_TID);
    }

    public void setClearChildTid(long clearChildTid) {
        set(CLEAR_CHILD_TID, Long.valueOf(clearChildTid));
    }

    /** @return registers were rewound to restart a syscall */
    public boolean isInSyscallRestart() {
        return getBoolean(IN_SYSCALL_RESTART);
    }

    public void setInSyscallRestart(boolean inSyscallRestart) {
        set(IN_SYSCALL_RESTART, Boolean.valueOf(inSyscallRestart));
    }
}
