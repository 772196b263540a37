package org.stasis.model.internal;

import java.util.List;

import org.stasis.image.proto.SigInfo;
import org.stasis.model.Register;
import org.stasis.model.Thread;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/** Threads: registers, signal masks, rseq and the alternate signal stack. */
final class ThreadConverter {

    private ThreadConverter() {
    }

    static Thread convert(org.stasis.image.proto.Thread from) {
        Thread thread = new Thread();
        thread.setTid(from.getTid());
        if (from.hasX8664()) {
            addRegisters(from.getX8664(), thread);
        }
        thread.setBlocked(from.getBlocked());
        thread.getBlockedSignals().addAll(Signals.names(from.getBlocked()));
        thread.getPendingSignals().addAll(signalNames(from.getPendingList()));
        thread.setRseqAddress(from.getRseq().getAddress());
        thread.setRseqLength(from.getRseq().getLength());
        thread.setRseqSignature(from.getRseq().getSignature());
        thread.setAltstackSp(from.getAltstack().getSp());
        thread.setAltstackSize(from.getAltstack().getSize());
        thread.setAltstackFlags(from.getAltstack().getFlags());
        thread.setClearChildTid(from.getClearChildTid());
        thread.setInSyscallRestart(from.getInSyscallRestart());
        return thread;
    }

    /** @return the names of queued signals, in queue order (a signal may be queued several times) */
    static List<String> signalNames(List<SigInfo> queue) {
        return queue.stream().map(info -> Signals.name(info.getSignal())).toList();
    }

    /**
     * Walks the register message by reflection, in field order, so that the aarch64 register file
     * (another message of the same shape) needs no code here.
     */
    private static void addRegisters(Message registers, Thread to) {
        for (FieldDescriptor field : registers.getDescriptorForType().getFields()) {
            if (registers.getField(field) instanceof Long value) {
                Register register = new Register();
                register.setName(field.getName());
                register.setValue(value.longValue());
                to.getRegisters().add(register);
            }
        }
    }
}
