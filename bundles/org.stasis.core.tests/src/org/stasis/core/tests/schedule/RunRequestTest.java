package org.stasis.core.tests.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.internal.schedule.DefaultScheduler;
import org.stasis.core.schedule.ScheduleFileException;
import org.stasis.core.schedule.ScheduleValidationException;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunRequest;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleRun;

/**
 * Run now in a process that does not own the schedules: the request goes through the file to the
 * owner, which runs it and records the run under the request's id; the requester's future completes
 * with that run, or fails saying why when no answer can come.
 */
@SuppressWarnings("nls")
class RunRequestTest {

    private static final long PID = ProcessHandle.current().pid();
    private static final Duration SYNC = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final Harness service = harness();
    private final Harness workbench = harness();

    @Test
    void aViewersRunNowIsRunByTheOwnerAndAnsweredWithTheOwnersRun() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        try (DefaultScheduler owner = service.open(file); DefaultScheduler viewer = workbench.open(file)) {
            String id = viewer.save(yearly("sim")).getId();
            CompletableFuture<ScheduleRun> asked = viewer.runNow(id);
            List<RunRequest> requests = viewer.find(id).orElseThrow().getRequests();
            assertEquals(1, requests.size(), "the request is in the file");
            assertEquals(PID, requests.get(0).getRequesterPid());
            assertEquals(Harness.START, requests.get(0).getRequested());
            assertFalse(asked.isDone(), "nobody answered yet");

            service.timer.advance(SYNC); // the owner's look at the file: it runs the request
            assertEquals(1, service.engine.images.size());
            assertTrue(owner.find(id).orElseThrow().getRequests().isEmpty(), "the owner took the request out");
            assertFalse(asked.isDone(), "the requester has not looked yet");

            workbench.timer.advance(SYNC);
            ScheduleRun run = asked.get(10, TimeUnit.SECONDS);
            assertEquals(RunResult.OK, run.getResult(), run.getMessage());
            assertTrue(run.isManual());
            assertEquals(requests.get(0).getRequestId(), run.getRequestId());
            assertTrue(EcoreUtil.equals(owner.find(id).orElseThrow().getRuns().get(0), run), "the run the owner recorded");
            assertEquals(service.engine.images.get(0).toString(), run.getImage());
            assertTrue(workbench.engine.images.isEmpty(), "the viewer never checkpoints");
        }
    }

    @Test
    void aRequestWhileTheScheduleRunsIsAnsweredByASkippedRun() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        service.runs = Executors.newSingleThreadExecutor(); // the owner's own run blocks on a thread of its own
        service.engine.release = new CountDownLatch(1);
        try (DefaultScheduler owner = service.open(file); DefaultScheduler viewer = workbench.open(file)) {
            String id = owner.save(yearly("sim")).getId();
            workbench.timer.advance(SYNC);
            CompletableFuture<ScheduleRun> local = owner.runNow(id);
            assertTrue(service.engine.started.await(10, TimeUnit.SECONDS), "the owner's run started");

            CompletableFuture<ScheduleRun> asked = viewer.runNow(id);
            service.timer.advance(SYNC);
            workbench.timer.advance(SYNC);
            ScheduleRun skipped = asked.get(10, TimeUnit.SECONDS);
            assertEquals(RunResult.SKIPPED, skipped.getResult());
            assertEquals("schedule 'sim': skipped, its previous run is still going (the tree is being checkpointed "
                    + "right now: that run shows in the history when it ends)", skipped.getMessage());
            assertTrue(skipped.isManual());
            assertFalse(skipped.getRequestId().isEmpty());

            service.engine.release.countDown();
            assertEquals(RunResult.OK, local.get(10, TimeUnit.SECONDS).getResult());
            assertEquals(1, service.engine.images.size(), "one checkpoint: the request did not start a second");
        }
    }

    @Test
    void aRequestLeftInTheFileIsRunWhenAnOwnerStarts() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        String id;
        String requestId;
        CompletableFuture<ScheduleRun> asked;
        try (DefaultScheduler owner = service.open(file); DefaultScheduler viewer = workbench.open(file)) {
            id = viewer.save(yearly("sim")).getId();
            asked = viewer.runNow(id);
            requestId = viewer.find(id).orElseThrow().getRequests().get(0).getRequestId();
            owner.close(); // before it looked at the file: as if the service had stopped
        }
        ExecutionException closed = assertThrows(ExecutionException.class, () -> asked.get(10, TimeUnit.SECONDS));
        assertEquals("schedule 'sim': stopped waiting, the scheduler of " + file + " in this process was closed; "
                + "the scheduler service (pid " + PID + ") still runs the request and records the run in the history",
                closed.getCause().getMessage());
        assertTrue(service.engine.images.isEmpty());

        Harness next = harness();
        next.clock.set(Harness.START.plus(Duration.ofMinutes(9)));
        try (DefaultScheduler owner = next.open(file)) {
            CheckpointSchedule served = owner.find(id).orElseThrow();
            assertEquals(1, next.engine.images.size(), "served as the owner starts");
            assertEquals(RunResult.OK, served.getRuns().get(0).getResult());
            assertEquals(requestId, served.getRuns().get(0).getRequestId());
            assertTrue(served.getRuns().get(0).isManual());
            assertTrue(served.getRequests().isEmpty());
        }
        assertFalse(Files.readString(file).contains("<requests"), "the request is out of the file");
    }

    @Test
    void aRequestOlderThanTenMinutesIsRecordedAsSkipped() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        String id;
        try (DefaultScheduler viewer = workbenchBesideAnOwnerThatStops(file)) {
            id = viewer.save(yearly("sim")).getId();
            viewer.runNow(id);
        }
        Harness next = harness();
        next.clock.set(Harness.START.plus(Duration.ofMinutes(11)));
        try (DefaultScheduler owner = next.open(file)) {
            CheckpointSchedule served = owner.find(id).orElseThrow();
            assertTrue(next.engine.images.isEmpty(), "no checkpoint 11 minutes late");
            ScheduleRun dropped = served.getRuns().get(0);
            assertEquals(RunResult.SKIPPED, dropped.getResult());
            assertTrue(dropped.isManual());
            assertFalse(dropped.getRequestId().isEmpty());
            assertEquals("schedule 'sim': skipped, Run now was asked by pid " + PID + " at " + Harness.START
                    + ", more than 10 minutes before a scheduler could run it (none was running); ask again", dropped.getMessage());
            assertTrue(served.getRequests().isEmpty());
        }
    }

    @Test
    void theRequesterFailsClearlyWhenTheOwnerGoesAwayBeforeAnswering() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        try (DefaultScheduler viewer = workbenchBesideAnOwnerThatStops(file)) {
            String id = viewer.save(yearly("sim")).getId();
            CompletableFuture<ScheduleRun> asked = viewer.runNow(id);
            workbench.timer.advance(SYNC); // the lock is free: the viewer takes it and learns the owner is gone
            assertTrue(viewer.owner().ours());
            ExecutionException gone = assertThrows(ExecutionException.class, () -> asked.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, gone.getCause());
            assertEquals("schedule 'sim': the scheduler service (pid " + PID + ") went away before it ran the request, "
                    + "which is withdrawn; this process runs the schedules now: click Run now again", gone.getCause().getMessage());
            assertTrue(viewer.find(id).orElseThrow().getRequests().isEmpty(), "withdrawn from the file");
            workbench.timer.advance(SYNC);
            assertTrue(workbench.engine.images.isEmpty(), "the new owner does not run what its caller was told failed");
            assertEquals(RunResult.OK, viewer.runNow(id).get(10, TimeUnit.SECONDS).getResult(), "asked again, it runs here");
        }
    }

    @Test
    void theRequesterStopsWaitingWhenTheOwnerDoesNotAnswerInTenMinutes() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        try (DefaultScheduler owner = service.open(file); DefaultScheduler viewer = workbench.open(file)) {
            String id = viewer.save(yearly("sim")).getId();
            CompletableFuture<ScheduleRun> asked = viewer.runNow(id);
            workbench.timer.advance(Duration.ofMinutes(9)); // the owner is stuck: it never looks at the file
            assertFalse(asked.isDone(), "still within the bound");
            workbench.timer.advance(Duration.ofMinutes(2));
            ExecutionException late = assertThrows(ExecutionException.class, () -> asked.get(10, TimeUnit.SECONDS));
            assertEquals("schedule 'sim': the scheduler service (pid " + PID + ") did not take the request in 10 minutes, "
                    + "which is withdrawn; look at its log: is it stuck?", late.getCause().getMessage());
            service.timer.advance(SYNC);
            assertTrue(service.engine.images.isEmpty(), "a withdrawn request is not run");
            assertTrue(owner.find(id).orElseThrow().getRuns().isEmpty());
        }
    }

    @Test
    void aMalformedRequestIsALoadErrorAndTheFileIsLeftAlone() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        try (DefaultScheduler viewer = workbenchBesideAnOwnerThatStops(file)) {
            viewer.runNow(viewer.save(yearly("sim")).getId());
        }
        String broken = Files.readString(file).replace("requesterPid=\"" + PID + "\"", "requesterPid=\"-3\"");
        assertTrue(broken.contains("requesterPid=\"-3\""), broken);
        Files.writeString(file, broken);

        ScheduleFileException e = assertThrows(ScheduleFileException.class, () -> harness().open(file));
        ScheduleValidationException why = assertInstanceOf(ScheduleValidationException.class, e.getCause());
        assertEquals(List.of("sim:requests"), why.problems().stream().map(p -> p.schedule() + ":" + p.field()).toList());
        assertTrue(e.getMessage().matches(".*schedule 'sim', requests: run request '[-0-9a-f]+' names no process "
                + "\\(requesterPid -3\\): remove the request, or ask again with Run now.*"), e.getMessage());
        assertEquals(broken, Files.readString(file), "left as it was");
    }

    @Test
    void aFileWrittenBeforeRunRequestsLoadsAndRunsNow() throws Exception {
        Path file = dir.resolve("schedules.xmi");
        Files.writeString(file, """
                <?xml version="1.1" encoding="UTF-8"?>
                <stasis:ScheduleBook xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:stasis="urn:org.stasis.model:1">
                  <schedules name="sim" targetPid="4711" cronExpression="0 0 1 1 *" folder="%s" keepLast="3" enabled="true" id="s1">
                    <runs startedUnixMs="1795000000000" durationMs="1200" freezeMs="12.5" imageBytes="4096" result="OK" image="/old/sim.stasis" pid="4711" manual="true"/>
                  </schedules>
                </stasis:ScheduleBook>
                """.formatted(dir.resolve("images")));
        try (DefaultScheduler scheduler = harness().open(file)) {
            CheckpointSchedule loaded = scheduler.find("s1").orElseThrow();
            assertEquals("sim", loaded.getName());
            assertTrue(loaded.getRequests().isEmpty());
            assertEquals("", loaded.getRuns().get(0).getRequestId());
            assertEquals(4096, loaded.getRuns().get(0).getImageBytes());
            ScheduleRun run = scheduler.runNow("s1").get(10, TimeUnit.SECONDS);
            assertEquals(RunResult.OK, run.getResult(), run.getMessage());
            assertEquals("", run.getRequestId(), "a run of the owner itself answers no request");
        }
        assertFalse(Files.readString(file).contains("requestId"), "nothing new is written when nothing was requested");
    }

    /** @return the workbench's scheduler, beside a service that owned the lock when it opened and has stopped since */
    private DefaultScheduler workbenchBesideAnOwnerThatStops(Path file) throws ScheduleFileException {
        DefaultScheduler owner = service.open(file);
        DefaultScheduler viewer = workbench.open(file);
        owner.close();
        return viewer;
    }

    private static Harness harness() {
        Harness h = new Harness();
        h.syncPeriod = SYNC;
        return h;
    }

    /** A schedule that fires once a year, so that only Run now checkpoints in these tests. */
    private CheckpointSchedule yearly(String name) {
        CheckpointSchedule s = Harness.everySeconds(name, 60, dir.resolve("images"), 3);
        s.setIntervalSeconds(0);
        s.setCronExpression("0 0 1 1 *");
        return s;
    }
}
