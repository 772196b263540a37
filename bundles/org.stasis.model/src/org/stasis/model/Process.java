package org.stasis.model;

import java.util.Optional;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;

/** One process of the image. The tree is {@link #getParent()}/{@link #getChildren()}; the image holds all processes in one list. */
@SuppressWarnings("nls") // feature names
public final class Process extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("Process");
    private static final EAttribute PID = attribute(CLASS, "pid");
    private static final EAttribute PPID = attribute(CLASS, "ppid");
    private static final EAttribute PGID = attribute(CLASS, "pgid");
    private static final EAttribute SID = attribute(CLASS, "sid");
    private static final EAttribute STATE = attribute(CLASS, "state");
    private static final EAttribute EXIT_STATUS = attribute(CLASS, "exitStatus");
    private static final EAttribute COMM = attribute(CLASS, "comm");
    private static final EAttribute COMMAND_LINE = attribute(CLASS, "commandLine");
    private static final EAttribute ENVIRONMENT = attribute(CLASS, "environment");
    private static final EAttribute EXE = attribute(CLASS, "exe");
    private static final EAttribute CWD = attribute(CLASS, "cwd");
    private static final EAttribute ROOT = attribute(CLASS, "root");
    private static final EAttribute UMASK = attribute(CLASS, "umask");
    private static final EAttribute NICE = attribute(CLASS, "nice");
    private static final EAttribute PERSONALITY = attribute(CLASS, "personality");
    private static final EAttribute START_TIME_TICKS = attribute(CLASS, "startTimeTicks");
    private static final EAttribute SESSION_OUTSIDE_TREE = attribute(CLASS, "sessionOutsideTree");
    private static final EAttribute PGRP_OUTSIDE_TREE = attribute(CLASS, "pgrpOutsideTree");
    private static final EAttribute PENDING_SIGNALS = attribute(CLASS, "pendingSignals");
    private static final EReference PARENT = reference(CLASS, "parent");
    private static final EReference CHILDREN = reference(CLASS, "children");
    private static final EReference THREADS = reference(CLASS, "threads");
    private static final EReference VMAS = reference(CLASS, "vmas");
    private static final EReference FDS = reference(CLASS, "fds");
    private static final EReference SIGNAL_DISPOSITIONS = reference(CLASS, "signalDispositions");
    private static final EReference CREDENTIALS = reference(CLASS, "credentials");
    private static final EReference RLIMITS = reference(CLASS, "rlimits");
    private static final EReference ITIMERS = reference(CLASS, "itimers");

    public Process() {
        super(CLASS);
    }

    public int getPid() {
        return getInt(PID);
    }

    public void setPid(int pid) {
        set(PID, Integer.valueOf(pid));
    }

    public int getPpid() {
        return getInt(PPID);
    }

    public void setPpid(int ppid) {
        set(PPID, Integer.valueOf(ppid));
    }

    public int getPgid() {
        return getInt(PGID);
    }

    public void setPgid(int pgid) {
        set(PGID, Integer.valueOf(pgid));
    }

    public int getSid() {
        return getInt(SID);
    }

    public void setSid(int sid) {
        set(SID, Integer.valueOf(sid));
    }

    public ProcessState getState() {
        return getEnum(STATE, ProcessState.class);
    }

    public void setState(ProcessState state) {
        set(STATE, state);
    }

    /** @return zombies: the wait status the parent will read */
    public int getExitStatus() {
        return getInt(EXIT_STATUS);
    }

    public void setExitStatus(int exitStatus) {
        set(EXIT_STATUS, Integer.valueOf(exitStatus));
    }

    /** @return /proc/PID/comm */
    public String getComm() {
        return getString(COMM);
    }

    public void setComm(String comm) {
        set(COMM, comm);
    }

    /** @return argv */
    public EList<String> getCommandLine() {
        return getList(COMMAND_LINE);
    }

    /** @return NAME=value strings */
    public EList<String> getEnvironment() {
        return getList(ENVIRONMENT);
    }

    public String getExe() {
        return getString(EXE);
    }

    public void setExe(String exe) {
        set(EXE, exe);
    }

    public String getCwd() {
        return getString(CWD);
    }

    public void setCwd(String cwd) {
        set(CWD, cwd);
    }

    public String getRoot() {
        return getString(ROOT);
    }

    public void setRoot(String root) {
        set(ROOT, root);
    }

    public int getUmask() {
        return getInt(UMASK);
    }

    public void setUmask(int umask) {
        set(UMASK, Integer.valueOf(umask));
    }

    public int getNice() {
        return getInt(NICE);
    }

    public void setNice(int nice) {
        set(NICE, Integer.valueOf(nice));
    }

    public int getPersonality() {
        return getInt(PERSONALITY);
    }

    public void setPersonality(int personality) {
        set(PERSONALITY, Integer.valueOf(personality));
    }

    /** @return /proc/PID/stat field 22 */
    public long getStartTimeTicks() {
        return getLong(START_TIME_TICKS);
    }

    public void setStartTimeTicks(long startTimeTicks) {
        set(START_TIME_TICKS, Long.valueOf(startTimeTicks));
    }

    /** @return the session leader is not in the image */
    public boolean isSessionOutsideTree() {
        return getBoolean(SESSION_OUTSIDE_TREE);
    }

    public void setSessionOutsideTree(boolean sessionOutsideTree) {
        set(SESSION_OUTSIDE_TREE, Boolean.valueOf(sessionOutsideTree));
    }

    /** @return the process group leader is not in the image */
    public boolean isPgrpOutsideTree() {
        return getBoolean(PGRP_OUTSIDE_TREE);
    }

    public void setPgrpOutsideTree(boolean pgrpOutsideTree) {
        set(PGRP_OUTSIDE_TREE, Boolean.valueOf(pgrpOutsideTree));
    }

    /** @return names of the signals pending for the whole process */
    public EList<String> getPendingSignals() {
        return getList(PENDING_SIGNALS);
    }

    /** @return the parent, when it is in the image */
    public Optional<Process> getParent() {
        return getOptional(PARENT, Process.class);
    }

    public void setParent(Process parent) {
        set(PARENT, parent);
    }

    public EList<Process> getChildren() {
        return getList(CHILDREN);
    }

    public EList<Thread> getThreads() {
        return getList(THREADS);
    }

    public EList<Vma> getVmas() {
        return getList(VMAS);
    }

    public EList<FileDescriptor> getFds() {
        return getList(FDS);
    }

    /** @return the signals whose disposition is not SIG_DFL */
    public EList<SignalDisposition> getSignalDispositions() {
        return getList(SIGNAL_DISPOSITIONS);
    }

    public Optional<Credentials> getCredentials() {
        return getOptional(CREDENTIALS, Credentials.class);
    }

    public void setCredentials(Credentials credentials) {
        set(CREDENTIALS, credentials);
    }

    public EList<Rlimit> getRlimits() {
        return getList(RLIMITS);
    }

    public EList<ITimer> getItimers() {
        return getList(ITIMERS);
    }

    public boolean isZombie() {
        return getState() == ProcessState.ZOMBIE;
    }

    /** @return the descriptor with this number */
    public Optional<FileDescriptor> findFd(int fd) {
        return getFds().stream().filter(d -> d.getFd() == fd).findFirst();
    }
}
