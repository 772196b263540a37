package org.stasis.model.tests;

import org.stasis.image.proto.AltStack;
import org.stasis.image.proto.Creds;
import org.stasis.image.proto.FileDescriptor;
import org.stasis.image.proto.FileKind;
import org.stasis.image.proto.ITimer;
import org.stasis.image.proto.Image;
import org.stasis.image.proto.MmState;
import org.stasis.image.proto.OpenFile;
import org.stasis.image.proto.PageRun;
import org.stasis.image.proto.Pipe;
import org.stasis.image.proto.Process;
import org.stasis.image.proto.ProcessState;
import org.stasis.image.proto.Rlimit;
import org.stasis.image.proto.Rseq;
import org.stasis.image.proto.SigAction;
import org.stasis.image.proto.SigInfo;
import org.stasis.image.proto.SignalState;
import org.stasis.image.proto.Thread;
import org.stasis.image.proto.Vma;
import org.stasis.image.proto.VmaKind;
import org.stasis.image.proto.X86_64Regs;
import org.stasis.model.HeaderFacts;

import com.google.protobuf.ByteString;

/**
 * A small image as the engine would write it: shell 100 runs a simulation 101 (which runs worker
 * 102) and left a zombie 103. 100 and 101 share the log file's open description (opened before the
 * fork) and a pipe from 100 to 101.
 */
@SuppressWarnings("nls")
final class SampleImage {

    static final long UNLIMITED = -1L; // ~0 as uint64
    static final long LOG_FILE = 7;
    static final long PIPE_READ = 8;
    static final long PIPE_WRITE = 9;
    static final long PIPE_INODE = 424242;
    static final long SA_SIGINFO_RESTART = 0x4 | 0x10000000L | 0x04000000L;
    static final HeaderFacts HEADER = new HeaderFacts("6f1c2a", "", "1.0", 123_456_789L);

    private SampleImage() {
    }

    static Image message() {
        return Image.newBuilder()
                .setStasisVersion("0.1.0").setCreatedUnixNs(1_700_000_000_123_456_789L).setHostname("node7")
                .setKernelRelease("6.1.0-18-amd64").setKernelVersion("#1 SMP Debian").setArch("x86_64")
                .setRootPid(100).setPagesSectionBytes(40960).setFreezeNs(12_000_000)
                .addFiles(OpenFile.newBuilder().setId(LOG_FILE).setKind(FileKind.FILE_REGULAR)
                        .setPath("/var/log/sim.log").setFlags(01 | 02000 | 0100000).setPos(4096).setSize(8192))
                .addFiles(OpenFile.newBuilder().setId(PIPE_READ).setKind(FileKind.FILE_PIPE).setFlags(0)
                        .setPipeId(PIPE_INODE))
                .addFiles(OpenFile.newBuilder().setId(PIPE_WRITE).setKind(FileKind.FILE_PIPE).setFlags(01 | 04000)
                        .setPipeId(PIPE_INODE))
                .addPipes(Pipe.newBuilder().setId(PIPE_INODE).setCapacity(65536)
                        .setData(ByteString.copyFromUtf8("hello\n")))
                .addProcesses(shell())
                .addProcesses(simulation())
                .addProcesses(Process.newBuilder().setPid(102).setPpid(101).setPgid(100).setSid(100)
                        .setComm("worker").addThreads(Thread.newBuilder().setTid(102)))
                .addProcesses(Process.newBuilder().setPid(103).setPpid(100).setPgid(100).setSid(100)
                        .setComm("true").setState(ProcessState.PROCESS_ZOMBIE).setExitStatus(0x100))
                .build();
    }

    private static Process.Builder shell() {
        return Process.newBuilder().setPid(100).setPpid(1).setPgid(100).setSid(100).setComm("bash")
                .addArgv("bash").addArgv("-c").addArgv("./sim | tee").addEnv("HOME=/root")
                .addEnv("BELL=\u0007").setCwd("/root").setRoot("/").setUmask(022).setNice(5)
                .setSessionOutsideTree(false)
                .addThreads(Thread.newBuilder().setTid(100)
                        .setX8664(X86_64Regs.newBuilder().setRip(0x401000).setRsp(0x7ffd4a3b2c10L).setRax(-38))
                        .setBlocked(1L << (17 - 1)) // SIGCHLD
                        .addPending(SigInfo.newBuilder().setSignal(10))
                        .setRseq(Rseq.newBuilder().setAddress(0x7f0000001000L).setLength(32).setSignature(0x53053053))
                        .setAltstack(AltStack.newBuilder().setSp(0x7f0000100000L).setSize(8192)))
                .setMm(MmState.newBuilder()
                        .addVmas(Vma.newBuilder().setStart(0x400000).setEnd(0x402000).setProt(5).setFlags(2)
                                .setKind(VmaKind.VMA_FILE_PRIVATE).setName("/usr/bin/bash").setPath("/usr/bin/bash"))
                        .addVmas(Vma.newBuilder().setStart(0x7ffd4a000000L).setEnd(0x7ffd4a021000L).setProt(3)
                                .setFlags(2 | 0x100).setKind(VmaKind.VMA_ANON_PRIVATE).setName("[stack]")
                                .setPagesResident(5)
                                .addPages(PageRun.newBuilder().setAddress(0x7ffd4a01e000L).setCount(3))
                                .addPages(PageRun.newBuilder().setAddress(0x7ffd4a020000L).setCount(1)))
                        .addVmas(Vma.newBuilder().setStart(0x7f0000200000L).setEnd(0x7f0000201000L).setProt(3)
                                .setFlags(1 | 0x20).setKind(VmaKind.VMA_ANON_SHARED).setShmemId(77)))
                .addFds(FileDescriptor.newBuilder().setFd(1).setFileId(PIPE_WRITE))
                .addFds(FileDescriptor.newBuilder().setFd(2).setFileId(LOG_FILE).setCloexec(true))
                .setSignals(SignalState.newBuilder()
                        .addActions(SigAction.newBuilder().setSignal(2).setHandler(0x4a5b60)
                                .setFlags(SA_SIGINFO_RESTART).setMask((1L << (15 - 1)) | (1L << (36 - 1))))
                        .addActions(SigAction.newBuilder().setSignal(13).setHandler(1))
                        .addSharedPending(SigInfo.newBuilder().setSignal(15)))
                .setCreds(Creds.newBuilder().setUid(1000).setEuid(1000).setGid(100).addGroups(27).addGroups(100)
                        .setCapBounding(0x1ffffffffffL))
                .addRlimits(Rlimit.newBuilder().setResource(7).setName("nofile").setSoft(1024).setHard(4096))
                .addRlimits(Rlimit.newBuilder().setResource(3).setName("stack").setSoft(8 << 20).setHard(UNLIMITED))
                .addRlimits(Rlimit.newBuilder().setResource(4).setName("core").setSoft(UNLIMITED).setHard(UNLIMITED))
                .addItimers(ITimer.newBuilder().setWhich(0).setIntervalUs(1_000_000).setValueUs(250_000));
    }

    private static Process.Builder simulation() {
        return Process.newBuilder().setPid(101).setPpid(100).setPgid(100).setSid(100).setComm("sim")
                .addArgv("./sim").addThreads(Thread.newBuilder().setTid(101)).addThreads(Thread.newBuilder().setTid(104))
                .addFds(FileDescriptor.newBuilder().setFd(0).setFileId(PIPE_READ))
                .addFds(FileDescriptor.newBuilder().setFd(2).setFileId(LOG_FILE))
                .addFds(FileDescriptor.newBuilder().setFd(5).setFileId(999)) // id not in the image
                .setSignals(SignalState.newBuilder()
                        .addActions(SigAction.newBuilder().setSignal(37).setHandler(0x4b0000).setFlags(0x4)));
    }
}
