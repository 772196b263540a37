package org.stasis.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stasis.model.FileDescriptor;
import org.stasis.model.FileKind;
import org.stasis.model.Image;
import org.stasis.model.ImageModels;
import org.stasis.model.OpenFile;
import org.stasis.model.Pipe;
import org.stasis.model.Process;
import org.stasis.model.ProcessState;
import org.stasis.model.Register;
import org.stasis.model.Rlimit;
import org.stasis.model.SignalDisposition;
import org.stasis.model.Thread;
import org.stasis.model.Vma;
import org.stasis.model.VmaKind;

@SuppressWarnings("nls")
class ImageModelsTest {

    private final Image image = ImageModels.toModel(SampleImage.message(), SampleImage.HEADER);

    private Process process(int pid) {
        return image.findProcess(pid).orElseThrow();
    }

    private static List<Integer> pids(List<Process> processes) {
        return processes.stream().map(p -> Integer.valueOf(p.getPid())).toList();
    }

    @Test
    void imageFacts() {
        assertEquals("6f1c2a", image.getImageId());
        assertEquals("", image.getParentImageId());
        assertEquals("1.0", image.getFormatVersion());
        assertEquals(123_456_789L, image.getFileSize());
        assertEquals("node7", image.getHostname());
        assertEquals("6.1.0-18-amd64", image.getKernelRelease());
        assertEquals("x86_64", image.getArch());
        assertEquals(100, image.getRootPid());
        assertEquals(Instant.parse("2023-11-14T22:13:20.123456789Z"), image.getCreated());
        assertEquals(40960, image.getPagesSectionBytes());
        assertTrue(image.getIpcObjects().isEmpty());
    }

    @Test
    void treeByParentPid() {
        assertEquals(List.of(100), pids(image.getRoots()));
        assertEquals(List.of(101, 103), pids(process(100).getChildren()));
        assertEquals(List.of(102), pids(process(101).getChildren()));
        assertSame(process(101), process(102).getParent().orElseThrow());
        assertTrue(process(100).getParent().isEmpty(), "pid 1 is not in the image");
    }

    @Test
    void zombieKeepsItsExitStatus() {
        Process zombie = process(103);
        assertTrue(zombie.isZombie());
        assertEquals(ProcessState.ZOMBIE, zombie.getState());
        assertEquals(0x100, zombie.getExitStatus());
        assertEquals(ProcessState.ALIVE, process(102).getState());
    }

    @Test
    void processAttributes() {
        Process shell = process(100);
        assertEquals(List.of("bash", "-c", "./sim | tee"), shell.getCommandLine());
        assertEquals(List.of("HOME=/root", "BELL=\u0007"), shell.getEnvironment());
        assertEquals(022, shell.getUmask());
        assertEquals(5, shell.getNice());
        assertEquals(List.of("SIGTERM"), shell.getPendingSignals());
        assertEquals(1000, shell.getCredentials().orElseThrow().getUid());
        assertEquals(List.of(27, 100), shell.getCredentials().orElseThrow().getGroups());
        assertEquals("ITIMER_REAL", shell.getItimers().get(0).getName());
        assertTrue(process(102).getCredentials().isEmpty());
        assertEquals(List.of(101, 104), process(101).getThreads().stream().map(t -> Integer.valueOf(t.getTid())).toList());
    }

    @Test
    void sharedOpenFileResolvesToOneObject() {
        OpenFile log = process(100).findFd(2).orElseThrow().getFile().orElseThrow();
        assertSame(log, process(101).findFd(2).orElseThrow().getFile().orElseThrow());
        assertEquals(FileKind.REGULAR, log.getKind());
        assertEquals("/var/log/sim.log", log.getPath());
        assertEquals(4096, log.getOffset());
        assertEquals("O_WRONLY|O_APPEND|O_LARGEFILE", log.getFlagsText());
        assertTrue(log.isShared());
        assertEquals(List.of(100, 101), pids(log.getHolders()));
        assertTrue(process(100).findFd(2).orElseThrow().isCloexec());
        assertFalse(process(101).findFd(2).orElseThrow().isCloexec());
    }

    @Test
    void unknownFileIdLeavesDescriptorWithoutFile() {
        FileDescriptor dangling = process(101).findFd(5).orElseThrow();
        assertTrue(dangling.getFile().isEmpty());
        assertSame(process(101), dangling.getProcess().orElseThrow());
    }

    @Test
    void pipeBetweenParentAndChild() {
        assertEquals(1, image.getPipes().size());
        Pipe pipe = image.getPipes().get(0);
        assertEquals(6, pipe.getBufferedBytes());
        assertEquals(65536, pipe.getCapacity());
        assertEquals(List.of(100), pids(pipe.getWriters()));
        assertEquals(List.of(101), pids(pipe.getReaders()));
        assertEquals(List.of(100, 101), pids(pipe.getHolders()));
        assertEquals(2, pipe.getEnds().size());
        OpenFile writeEnd = process(100).findFd(1).orElseThrow().getFile().orElseThrow();
        assertSame(pipe, writeEnd.getPipe().orElseThrow());
        assertEquals("O_WRONLY|O_NONBLOCK", writeEnd.getFlagsText());
        assertFalse(writeEnd.isShared());
    }

    @Test
    void signalDispositionsAreNamedAndDecoded() {
        SignalDisposition sigint = process(100).getSignalDispositions().get(0);
        assertEquals("SIGINT", sigint.getName());
        assertEquals("0x4a5b60", sigint.getHandlerText());
        assertEquals("SA_SIGINFO|SA_RESTORER|SA_RESTART", sigint.getFlagsText());
        assertEquals(List.of("SIGTERM", "SIGRTMIN+2"), sigint.getMaskSignals());
        SignalDisposition sigpipe = process(100).getSignalDispositions().get(1);
        assertEquals("SIGPIPE", sigpipe.getName());
        assertEquals("SIG_IGN", sigpipe.getHandlerText());
        assertEquals("", sigpipe.getFlagsText());
        assertEquals("SIGRTMIN+3", process(101).getSignalDispositions().get(0).getName());
    }

    @Test
    void threadState() {
        Thread thread = process(100).getThreads().get(0);
        assertEquals(List.of("SIGCHLD"), thread.getBlockedSignals());
        assertEquals(List.of("SIGUSR1"), thread.getPendingSignals());
        assertEquals(0x53053053, thread.getRseqSignature());
        assertEquals(32, thread.getRseqLength());
        assertEquals(8192, thread.getAltstackSize());
        List<Register> registers = thread.getRegisters();
        assertEquals(27, registers.size(), "every field of user_regs_struct, in order");
        assertEquals("r15", registers.get(0).getName());
        Register rip = registers.stream().filter(r -> r.getName().equals("rip")).findFirst().orElseThrow();
        assertEquals("0x0000000000401000", rip.getValueText());
        Register rax = registers.stream().filter(r -> r.getName().equals("rax")).findFirst().orElseThrow();
        assertEquals("0xffffffffffffffda", rax.getValueText());
        assertTrue(process(101).getThreads().get(0).getRegisters().isEmpty());
    }

    @Test
    void rlimitsWithUnlimited() {
        List<Rlimit> limits = process(100).getRlimits();
        assertEquals("RLIMIT_NOFILE", limits.get(0).getName());
        assertEquals("1024", limits.get(0).getSoftText());
        assertEquals("4096", limits.get(0).getHardText());
        assertEquals("RLIMIT_STACK", limits.get(1).getName());
        assertEquals("8388608", limits.get(1).getSoftText());
        assertEquals("unlimited", limits.get(1).getHardText());
        assertEquals(Rlimit.UNLIMITED, limits.get(2).getSoft());
        assertEquals("unlimited", limits.get(2).getSoftText());
    }

    @Test
    void memoryAreas() {
        List<Vma> vmas = process(100).getVmas();
        Vma text = vmas.get(0);
        assertEquals("r-xp", text.getProtText());
        assertEquals(VmaKind.FILE_PRIVATE, text.getKind());
        assertEquals(0x2000, text.getSize());
        assertEquals("/usr/bin/bash", text.getPath());
        Vma stack = vmas.get(1);
        assertEquals("rw-p", stack.getProtText());
        assertEquals("MAP_PRIVATE|MAP_GROWSDOWN", stack.getFlagsText());
        assertEquals(4, stack.getPagesStored());
        assertEquals(5, stack.getPagesResident());
        Vma shared = vmas.get(2);
        assertEquals("rw-s", shared.getProtText());
        assertEquals(77, shared.getSharedId());
    }
}
