package org.stasis.model.internal;

import org.stasis.image.proto.SigAction;
import org.stasis.model.Credentials;
import org.stasis.model.ITimer;
import org.stasis.model.Process;
import org.stasis.model.ProcessState;
import org.stasis.model.Rlimit;
import org.stasis.model.SignalDisposition;

/** One process with everything it owns; the tree is linked afterwards, once all processes exist. */
public final class ProcessConverter {

    private final FileConverter files;

    /** @param files the image's open files, which descriptors resolve against */
    public ProcessConverter(FileConverter files) {
        this.files = files;
    }

    public Process convert(org.stasis.image.proto.Process from) {
        Process process = new Process();
        process.setPid(from.getPid());
        process.setPpid(from.getPpid());
        process.setPgid(from.getPgid());
        process.setSid(from.getSid());
        process.setState(from.getState() == org.stasis.image.proto.ProcessState.PROCESS_ZOMBIE
                ? ProcessState.ZOMBIE : ProcessState.ALIVE);
        process.setExitStatus(from.getExitStatus());
        process.setComm(from.getComm());
        process.getCommandLine().addAll(from.getArgvList());
        process.getEnvironment().addAll(from.getEnvList());
        process.setExe(from.getExe());
        process.setCwd(from.getCwd());
        process.setRoot(from.getRoot());
        process.setUmask(from.getUmask());
        process.setNice(from.getNice());
        process.setPersonality(from.getPersonality());
        process.setStartTimeTicks(from.getStartTimeTicks());
        process.setSessionOutsideTree(from.getSessionOutsideTree());
        process.setPgrpOutsideTree(from.getPgrpOutsideTree());
        process.getPendingSignals().addAll(ThreadConverter.signalNames(from.getSignals().getSharedPendingList()));
        for (org.stasis.image.proto.Thread thread : from.getThreadsList()) {
            process.getThreads().add(ThreadConverter.convert(thread));
        }
        MemoryConverter.addVmas(from.getMm(), process);
        files.addDescriptors(from, process);
        for (SigAction action : from.getSignals().getActionsList()) {
            process.getSignalDispositions().add(disposition(action));
        }
        if (from.hasCreds()) {
            process.setCredentials(credentials(from.getCreds()));
        }
        for (org.stasis.image.proto.Rlimit limit : from.getRlimitsList()) {
            process.getRlimits().add(rlimit(limit));
        }
        for (org.stasis.image.proto.ITimer timer : from.getItimersList()) {
            process.getItimers().add(itimer(timer));
        }
        return process;
    }

    private static SignalDisposition disposition(SigAction from) {
        SignalDisposition to = new SignalDisposition();
        to.setSignal(from.getSignal());
        to.setName(Signals.name(from.getSignal()));
        to.setHandler(from.getHandler());
        to.setHandlerText(Signals.handler(from.getHandler()));
        to.setFlags(from.getFlags());
        to.setFlagsText(Signals.actionFlags(from.getFlags()));
        to.setMask(from.getMask());
        to.getMaskSignals().addAll(Signals.names(from.getMask()));
        return to;
    }

    private static Credentials credentials(org.stasis.image.proto.Creds from) {
        Credentials to = new Credentials();
        to.setUid(from.getUid());
        to.setEuid(from.getEuid());
        to.setSuid(from.getSuid());
        to.setFsuid(from.getFsuid());
        to.setGid(from.getGid());
        to.setEgid(from.getEgid());
        to.setSgid(from.getSgid());
        to.setFsgid(from.getFsgid());
        to.getGroups().addAll(from.getGroupsList());
        to.setCapInheritable(from.getCapInheritable());
        to.setCapPermitted(from.getCapPermitted());
        to.setCapEffective(from.getCapEffective());
        to.setCapBounding(from.getCapBounding());
        to.setCapAmbient(from.getCapAmbient());
        to.setNoNewPrivs(from.getNoNewPrivs());
        return to;
    }

    private static Rlimit rlimit(org.stasis.image.proto.Rlimit from) {
        Rlimit to = new Rlimit();
        to.setResource(from.getResource());
        to.setName(Limits.rlimit(from.getResource(), from.getName()));
        to.setSoft(from.getSoft());
        to.setHard(from.getHard());
        return to;
    }

    private static ITimer itimer(org.stasis.image.proto.ITimer from) {
        ITimer to = new ITimer();
        to.setWhich(from.getWhich());
        to.setName(Limits.itimer(from.getWhich()));
        to.setIntervalUs(from.getIntervalUs());
        to.setValueUs(from.getValueUs());
        return to;
    }
}
