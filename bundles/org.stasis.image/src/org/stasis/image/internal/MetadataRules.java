package org.stasis.image.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stasis.image.ImageFormatException;
import org.stasis.image.proto.FileDescriptor;
import org.stasis.image.proto.Image;
import org.stasis.image.proto.MmState;
import org.stasis.image.proto.OpenFile;
import org.stasis.image.proto.PageRun;
import org.stasis.image.proto.Pipe;
import org.stasis.image.proto.Process;
import org.stasis.image.proto.SigInfo;
import org.stasis.image.proto.SignalState;
import org.stasis.image.proto.Thread;
import org.stasis.image.proto.Vma;

import com.google.protobuf.GeneratedMessageV3;

/**
 * The metadata rules of docs/image-format.md, the same as native/src/image_check.c: protobuf
 * guarantees only that the bytes parse; these make the content safe to show and act on. Numbers
 * the schema declares unsigned arrive as signed Java ints and longs, hence the unsigned compares.
 */
final class MetadataRules {

    private static final long PID_MAX_LIMIT = 4_194_304;
    private static final int MAX_SIGNAL = 64;
    private static final int MAX_RLIMIT = 16;
    private static final int MAX_XSTATE = 1 << 20;
    private static final int MAX_SIGINFO = 128;
    private static final int MAX_GROUPS = 65_536;
    private static final long PAGE_MASK = Layout.PAGE_SIZE - 1;

    private final String file;
    private final long metaOffset;
    private final long pagesLength;
    private String where = "";

    MetadataRules(String file, long metaOffset, long pagesLength) {
        this.file = file;
        this.metaOffset = metaOffset;
        this.pagesLength = pagesLength;
    }

    void check(Image m) throws ImageFormatException {
        if (m.getProcessesCount() == 0) {
            throw bad("the image holds no processes");
        }
        if (m.getProcessesCount() > PID_MAX_LIMIT) {
            throw bad(m.getProcessesCount() + " processes, more than a kernel can run");
        }
        Set<Long> fileIds = checkFiles(m.getFilesList());
        checkTree(m);
        checkPipes(m.getPipesList());
        for (int i = 0; i < m.getProcessesCount(); i++) {
            Process p = m.getProcesses(i);
            where = "process " + i + " (pid " + Integer.toUnsignedString(p.getPid()) + "): ";
            checkThreads(p);
            checkFds(p, fileIds);
            checkMisc(p);
            if (p.hasMm()) {
                checkMm(p.getMm());
            }
        }
        where = "";
    }

    private Set<Long> checkFiles(List<OpenFile> files) throws ImageFormatException {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            if (hasUnknownEnum(files.get(i), OpenFile.KIND_FIELD_NUMBER)) {
                throw bad("open file " + i + " has an unknown kind");
            }
            if (!ids.add(files.get(i).getId())) {
                throw bad("two open files share the id " + Long.toUnsignedString(files.get(i).getId()));
            }
        }
        return ids;
    }

    /** Pids in range and unique, parents before children (so no cycles): restore forks in this order. */
    private void checkTree(Image m) throws ImageFormatException {
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < m.getProcessesCount(); i++) {
            int pid = m.getProcesses(i).getPid();
            if (!isPid(pid)) {
                throw bad("process " + i + ": pid " + Integer.toUnsignedString(pid) + " out of range 1.." + PID_MAX_LIMIT);
            }
            if (index.put(pid, i) != null) {
                throw bad("pid " + pid + " appears twice");
            }
        }
        if (m.hasRootPid() && !index.containsKey(m.getRootPid())) {
            throw bad("root pid " + Integer.toUnsignedString(m.getRootPid()) + " is not one of the processes");
        }
        for (int i = 0; i < m.getProcessesCount(); i++) {
            Integer parent = index.get(m.getProcesses(i).getPpid());
            if (parent != null && parent >= i) {
                throw bad("process " + i + " (pid " + m.getProcesses(i).getPid() + "): its parent (pid "
                        + m.getProcesses(i).getPpid() + ", process " + parent
                        + ") does not come before it; parents must come first");
            }
        }
    }

    private void checkPipes(List<Pipe> pipes) throws ImageFormatException {
        for (int i = 0; i < pipes.size(); i++) {
            Pipe p = pipes.get(i);
            if (p.hasCapacity() && p.getData().size() > Integer.toUnsignedLong(p.getCapacity())) {
                throw bad("pipe " + i + " holds " + p.getData().size() + " bytes, more than its capacity "
                        + Integer.toUnsignedString(p.getCapacity()));
            }
        }
    }

    private void checkThreads(Process p) throws ImageFormatException {
        if (hasUnknownEnum(p, Process.STATE_FIELD_NUMBER)) {
            throw bad("unknown process state");
        }
        if (p.getState() == org.stasis.image.proto.ProcessState.PROCESS_ALIVE && p.getThreadsCount() == 0) {
            throw bad("a live process with no threads");
        }
        Set<Integer> tids = new HashSet<>();
        for (int i = 0; i < p.getThreadsCount(); i++) {
            Thread t = p.getThreads(i);
            if (!isPid(t.getTid()) || t.getXstate().size() > MAX_XSTATE) {
                throw bad("thread " + i + ": tid " + Integer.toUnsignedString(t.getTid()) + " or xstate size "
                        + t.getXstate().size() + " out of range");
            }
            checkSigInfo("thread " + i, t.getPendingList());
            if (!tids.add(t.getTid())) {
                throw bad("tid " + t.getTid() + " appears twice");
            }
        }
    }

    private void checkSigInfo(String owner, List<SigInfo> pending) throws ImageFormatException {
        for (int i = 0; i < pending.size(); i++) {
            SigInfo s = pending.get(i);
            if (!isSignal(s.getSignal()) || s.getRaw().size() > MAX_SIGINFO) {
                throw bad(owner + " pending signal " + i + ": signal " + Integer.toUnsignedString(s.getSignal())
                        + " or siginfo size " + s.getRaw().size() + " out of range");
            }
        }
    }

    private void checkFds(Process p, Set<Long> fileIds) throws ImageFormatException {
        Set<Integer> fds = new HashSet<>();
        for (FileDescriptor f : p.getFdsList()) {
            if (f.getFd() < 0 || !fileIds.contains(f.getFileId())) { // < 0: above 2^31 - 1 as unsigned
                throw bad("fd " + Integer.toUnsignedString(f.getFd()) + " refers to open file "
                        + Long.toUnsignedString(f.getFileId()) + ", which the image does not list");
            }
            if (!fds.add(f.getFd())) {
                throw bad("fd " + f.getFd() + " appears twice");
            }
        }
    }

    private void checkMisc(Process p) throws ImageFormatException {
        if (p.hasSignals()) {
            SignalState s = p.getSignals();
            long seen = 0;
            for (int i = 0; i < s.getActionsCount(); i++) {
                int sig = s.getActions(i).getSignal();
                if (!isSignal(sig) || (seen & 1L << (sig - 1)) != 0) {
                    throw bad("signal action " + i + ": signal " + Integer.toUnsignedString(sig)
                            + " out of range or listed twice");
                }
                seen |= 1L << (sig - 1);
            }
            checkSigInfo("shared", s.getSharedPendingList());
        }
        int seenLimits = 0;
        for (int i = 0; i < p.getRlimitsCount(); i++) {
            int r = p.getRlimits(i).getResource();
            if (r < 0 || r >= MAX_RLIMIT || (seenLimits & 1 << r) != 0) {
                throw bad("rlimit " + i + ": resource " + Integer.toUnsignedString(r) + " out of range or listed twice");
            }
            seenLimits |= 1 << r;
        }
        for (int i = 0; i < p.getItimersCount(); i++) {
            int which = p.getItimers(i).getWhich();
            if (which < 0 || which > 2) {
                throw bad("itimer " + i + ": unknown timer " + Integer.toUnsignedString(which));
            }
        }
        if (p.hasCreds() && p.getCreds().getGroupsCount() > MAX_GROUPS) {
            throw bad(p.getCreds().getGroupsCount() + " supplementary groups, more than the kernel allows ("
                    + MAX_GROUPS + ")");
        }
    }

    private void checkMm(MmState mm) throws ImageFormatException {
        if (mm.getAuxvCount() % 2 != 0) {
            throw bad("auxv has " + mm.getAuxvCount() + " entries; it must be (type, value) pairs");
        }
        long prevEnd = 0;
        for (int i = 0; i < mm.getVmasCount(); i++) {
            Vma v = mm.getVmas(i);
            if ((v.getStart() & PAGE_MASK) != 0 || (v.getEnd() & PAGE_MASK) != 0
                    || Long.compareUnsigned(v.getStart(), v.getEnd()) >= 0) {
                throw bad("vma " + i + " " + range(v) + " is empty or not page aligned");
            }
            if (Long.compareUnsigned(v.getStart(), prevEnd) < 0) {
                throw bad("vma " + i + " " + range(v) + " is out of order or overlaps the one before (ending 0x"
                        + Long.toHexString(prevEnd) + ")");
            }
            if (hasUnknownEnum(v, Vma.KIND_FIELD_NUMBER)) {
                throw bad("vma " + i + " has an unknown kind");
            }
            checkRuns(i, v);
            prevEnd = v.getEnd();
        }
    }

    /** Every run inside its VMA, after the previous one, and inside PAGES, without overflow. */
    private void checkRuns(int vi, Vma v) throws ImageFormatException {
        long next = v.getStart();
        long vmaPages = (v.getEnd() - v.getStart()) >>> Layout.PAGE_SHIFT;
        for (int i = 0; i < v.getPagesCount(); i++) {
            PageRun p = v.getPages(i);
            String run = "vma " + vi + ": page run " + i + " (address 0x" + Long.toHexString(p.getAddress()) + ", "
                    + Long.toUnsignedString(p.getCount()) + " pages, offset " + Long.toUnsignedString(p.getOffset()) + ")";
            if (p.getCount() == 0 || (p.getAddress() & PAGE_MASK) != 0 || (p.getOffset() & PAGE_MASK) != 0) {
                throw bad(run + " is empty or not page aligned");
            }
            if (Long.compareUnsigned(p.getCount(), vmaPages) > 0) {
                throw bad(run + " has more pages than the vma holds");
            }
            long bytes = p.getCount() << Layout.PAGE_SHIFT; // bounded by the vma: no overflow
            if (Long.compareUnsigned(p.getAddress(), next) < 0
                    || Long.compareUnsigned(p.getAddress(), v.getEnd() - bytes) > 0) {
                throw bad(run + " is outside the vma " + range(v) + " or overlaps the previous run");
            }
            if (Long.compareUnsigned(p.getOffset(), pagesLength) > 0 || Long.compareUnsigned(bytes, pagesLength - p.getOffset()) > 0) {
                throw bad(run + " ends beyond the PAGES section (" + pagesLength + " bytes)");
            }
            next = p.getAddress() + bytes;
        }
    }

    /**
     * proto2 keeps a number outside an enum as an unknown field and reports the default value,
     * which would quietly turn an unknown VMA kind into anonymous memory.
     */
    private static boolean hasUnknownEnum(GeneratedMessageV3 message, int field) {
        return message.getUnknownFields().hasField(field);
    }

    private static boolean isPid(int pid) {
        return pid >= 1 && pid <= PID_MAX_LIMIT;
    }

    private static boolean isSignal(int sig) {
        return sig >= 1 && sig <= MAX_SIGNAL;
    }

    private static String range(Vma v) {
        return "[0x" + Long.toHexString(v.getStart()) + "-0x" + Long.toHexString(v.getEnd()) + ")";
    }

    private ImageFormatException bad(String problem) {
        return new ImageFormatException(file, metaOffset, "metadata: " + where + problem);
    }
}
