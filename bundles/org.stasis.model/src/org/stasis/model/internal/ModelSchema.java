package org.stasis.model.internal;

import static org.eclipse.emf.ecore.ETypedElement.UNBOUNDED_MULTIPLICITY;

import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcorePackage;
import org.stasis.model.FileKind;
import org.stasis.model.IpcKind;
import org.stasis.model.ProcessState;
import org.stasis.model.RunResult;
import org.stasis.model.VmaKind;
import org.stasis.model.internal.SchemaBuilder.Type;

/**
 * The one definition of the model: every class, attribute and reference. The typed classes look
 * their features up here by name, so a feature is added in two places: here and as an accessor.
 * <p>
 * Numbers keep the kernel's raw values (addresses and 64-bit masks as longs, read unsigned) next to
 * the decoded text the inspector shows ("r-xp", "O_RDWR|O_APPEND", "SIGINT"), so that restore
 * checks can compare numbers and views need no decoding of their own.
 */
@SuppressWarnings("nls") // names of the model, not user-visible text
public final class ModelSchema {

    private static final EDataType STRING = EcorePackage.Literals.ESTRING;
    private static final EDataType INT = EcorePackage.Literals.EINT;
    private static final EDataType LONG = EcorePackage.Literals.ELONG;
    private static final EDataType BOOLEAN = EcorePackage.Literals.EBOOLEAN;
    private static final EDataType DOUBLE = EcorePackage.Literals.EDOUBLE;
    private static final int ONE = 1;
    private static final int MANY = UNBOUNDED_MULTIPLICITY;

    private ModelSchema() {
    }

    /** @return a new package with the model's classes, whose factory creates the typed classes */
    public static EPackage create(String nsUri) {
        SchemaBuilder b = new SchemaBuilder("stasis", nsUri);
        Type image = b.type("Image");
        Type process = b.type("Process");
        Type thread = b.type("Thread");
        Type register = b.type("Register");
        Type vma = b.type("Vma");
        Type openFile = b.type("OpenFile");
        Type fd = b.type("FileDescriptor");
        Type pipe = b.type("Pipe");
        Type ipc = b.type("IpcObject");
        Type signal = b.type("SignalDisposition");
        Type rlimit = b.type("Rlimit");
        Type creds = b.type("Credentials");
        Type itimer = b.type("ITimer");
        Type scheduleBook = b.type("ScheduleBook");
        Type schedule = b.type("CheckpointSchedule");
        Type run = b.type("ScheduleRun");
        Type request = b.type("RunRequest");

        image.attr("imageId", STRING).attr("parentImageId", STRING).attr("formatVersion", STRING)
                .attr("stasisVersion", STRING).attr("createdUnixNs", LONG).attr("hostname", STRING)
                .attr("kernelRelease", STRING).attr("kernelVersion", STRING).attr("arch", STRING)
                .attr("rootPid", INT).attr("fileSize", LONG).attr("pagesSectionBytes", LONG)
                .attr("freezeNs", LONG).attr("killedAfterDump", BOOLEAN)
                .containsMany("processes", process).containsMany("files", openFile)
                .containsMany("pipes", pipe).containsMany("ipcObjects", ipc);

        process.attr("pid", INT).attr("ppid", INT).attr("pgid", INT).attr("sid", INT)
                .attr("state", b.enumeration(ProcessState.class)).attr("exitStatus", INT)
                .attr("comm", STRING).attrs("commandLine", STRING).attrs("environment", STRING)
                .attr("exe", STRING).attr("cwd", STRING).attr("root", STRING).attr("umask", INT)
                .attr("nice", INT).attr("personality", INT).attr("startTimeTicks", LONG)
                .attr("sessionOutsideTree", BOOLEAN).attr("pgrpOutsideTree", BOOLEAN)
                .attrs("pendingSignals", STRING)
                .opposite("parent", ONE, process, "children", MANY)
                .containsMany("threads", thread).containsMany("vmas", vma).containsMany("fds", fd)
                .containsMany("signalDispositions", signal).contains("credentials", creds)
                .containsMany("rlimits", rlimit).containsMany("itimers", itimer);

        thread.attr("tid", INT).containsMany("registers", register)
                .attr("blocked", LONG).attrs("blockedSignals", STRING).attrs("pendingSignals", STRING)
                .attr("rseqAddress", LONG).attr("rseqLength", INT).attr("rseqSignature", INT)
                .attr("altstackSp", LONG).attr("altstackSize", LONG).attr("altstackFlags", INT)
                .attr("clearChildTid", LONG).attr("inSyscallRestart", BOOLEAN);
        register.attr("name", STRING).attr("value", LONG);

        vma.attr("start", LONG).attr("end", LONG).attr("size", LONG).attr("prot", INT)
                .attr("protText", STRING).attr("flags", INT).attr("flagsText", STRING)
                .attr("kind", b.enumeration(VmaKind.class)).attr("name", STRING).attr("path", STRING)
                .attr("fileOffset", LONG).attr("pagesStored", LONG).attr("pagesResident", LONG)
                .attr("sharedId", LONG);

        openFile.attr("fileId", LONG).attr("kind", b.enumeration(FileKind.class)).attr("path", STRING)
                .attr("flags", INT).attr("flagsText", STRING).attr("offset", LONG).attr("size", LONG)
                .attr("mode", INT)
                .opposite("descriptors", MANY, fd, "file", ONE);
        fd.attr("fd", INT).attr("cloexec", BOOLEAN);

        pipe.attr("pipeId", LONG).attr("bufferedBytes", LONG).attr("capacity", INT)
                .attr("fifoPath", STRING)
                .opposite("ends", MANY, openFile, "pipe", ONE)
                .refersToMany("readers", process).refersToMany("writers", process);

        ipc.attr("kind", b.enumeration(IpcKind.class)).attr("ipcId", INT).attr("key", INT)
                .attr("owner", INT).attr("perms", INT).attr("size", LONG);

        signal.attr("signal", INT).attr("name", STRING).attr("handler", LONG)
                .attr("handlerText", STRING).attr("flags", LONG).attr("flagsText", STRING)
                .attr("mask", LONG).attrs("maskSignals", STRING);

        rlimit.attr("resource", INT).attr("name", STRING).attr("soft", LONG).attr("hard", LONG);

        creds.attr("uid", INT).attr("euid", INT).attr("suid", INT).attr("fsuid", INT)
                .attr("gid", INT).attr("egid", INT).attr("sgid", INT).attr("fsgid", INT)
                .attrs("groups", INT).attr("capInheritable", LONG).attr("capPermitted", LONG)
                .attr("capEffective", LONG).attr("capBounding", LONG).attr("capAmbient", LONG)
                .attr("noNewPrivs", BOOLEAN);

        itimer.attr("which", INT).attr("name", STRING).attr("intervalUs", LONG).attr("valueUs", LONG);

        schedule.attr("name", STRING).attr("targetPid", INT).attr("commandPattern", STRING)
                .attr("user", STRING).attr("intervalSeconds", LONG).attr("cronExpression", STRING)
                .attr("folder", STRING).attr("keepLast", INT).attr("hourlyForHours", INT)
                .attr("dailyForDays", INT).attr("enabled", BOOLEAN)
                .attr("id", STRING).containsMany("runs", run).containsMany("requests", request);
        // one file holds every schedule of a user, each with its own bounded run history
        scheduleBook.containsMany("schedules", schedule);
        run.attr("startedUnixMs", LONG).attr("durationMs", LONG).attr("freezeMs", DOUBLE)
                .attr("imageBytes", LONG).attr("result", b.enumeration(RunResult.class)).attr("message", STRING)
                .attr("image", STRING).attr("pid", INT).attr("manual", BOOLEAN).attr("requestId", STRING);
        // added after the first release: files without requests or request ids load as before
        request.attr("requestId", STRING).attr("requestedUnixMs", LONG).attr("requesterPid", LONG);

        EPackage ePackage = b.ePackage();
        ePackage.setEFactoryInstance(new ModelFactory());
        return ePackage;
    }
}
