package org.stasis.core.internal.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.stasis.core.schedule.NotOwnerException;
import org.stasis.core.schedule.Retention;
import org.stasis.core.schedule.ScheduleFileException;
import org.stasis.core.schedule.ScheduleImage;
import org.stasis.core.schedule.ScheduleImages;
import org.stasis.core.schedule.ScheduleListener;
import org.stasis.core.schedule.ScheduleProblem;
import org.stasis.core.schedule.ScheduleValidationException;
import org.stasis.core.schedule.ScheduleValidator;
import org.stasis.core.schedule.Scheduler;
import org.stasis.core.schedule.SchedulerLock;
import org.stasis.core.schedule.SchedulerOwner;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.RunRequest;
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleBook;
import org.stasis.model.ScheduleRun;

/**
 * The scheduler: plans each enabled schedule on the timer while it owns the lock, runs checkpoints
 * on the run executor, records every run, applies retention, and follows what other processes write
 * into the schedules file.
 * <p>
 * A scheduler that does not own the lock serves {@link #runNow} through the file: it writes a
 * {@link RunRequest}, the owner takes it out at its next look at the file, runs it like its own run
 * now and records the run with the request's id, which the requester finds at its next look.
 * <p>
 * One monitor ({@code state}) guards the plans, the runs in progress, the pending requests and the
 * store; file writes happen under it (they are small), checkpoints, listener calls and the
 * completion of callers' futures never do.
 */
@SuppressWarnings("nls") // plain English messages of core
public final class DefaultScheduler implements Scheduler {

    /** How long close() waits for cancelled checkpoints to be recorded. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private static final System.Logger LOG = System.getLogger(DefaultScheduler.class.getName());

    private final SchedulerEnvironment env;
    private final ScheduleStore store;
    private final SchedulerLock lock;
    private final SchedulerTimer timer;
    private final ScheduleRunner runner;
    private final List<ScheduleListener> listeners = new CopyOnWriteArrayList<>();

    private final Object state = new Object();
    private final Map<String, SchedulerTimer.Planned> plans = new HashMap<>();
    private final Map<String, Instant> plannedTimes = new HashMap<>();
    private final Map<String, Instant> lastTicks = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    private final Set<Integer> runningPids = new HashSet<>();
    private final PendingRequests pending = new PendingRequests();
    private SchedulerOwner owner = new SchedulerOwner(false, 0);
    private boolean closed;

    private DefaultScheduler(SchedulerEnvironment env, ScheduleStore store) {
        this.env = env;
        this.store = store;
        this.lock = new SchedulerLock(store.file());
        this.timer = env.timer().apply(env.clock());
        this.runner = new ScheduleRunner(env, new ScheduleRunner.TreeGuard() {
            @Override
            public boolean claim(int pid) {
                synchronized (state) {
                    return runningPids.add(Integer.valueOf(pid));
                }
            }

            @Override
            public void release(int pid) {
                synchronized (state) {
                    runningPids.remove(Integer.valueOf(pid));
                }
            }
        });
    }

    /** Loads file, takes the lock if free and starts firing; see {@link org.stasis.core.schedule.Schedulers#open}. */
    public static DefaultScheduler open(Path file, SchedulerEnvironment env) throws ScheduleFileException {
        DefaultScheduler scheduler = new DefaultScheduler(env, ScheduleStore.open(file));
        scheduler.sync();
        return scheduler;
    }

    @Override
    public Path schedulesFile() {
        return store.file();
    }

    @Override
    public List<CheckpointSchedule> schedules() {
        synchronized (state) {
            return new ArrayList<>(EcoreUtil.copyAll(store.book().getSchedules()));
        }
    }

    @Override
    public Optional<CheckpointSchedule> find(String id) {
        synchronized (state) {
            return stored(id).map(EcoreUtil::copy);
        }
    }

    @Override
    public CheckpointSchedule save(CheckpointSchedule schedule) throws ScheduleValidationException, IOException {
        CheckpointSchedule stored;
        synchronized (state) {
            String id = schedule.getId().isEmpty() ? UUID.randomUUID().toString() : schedule.getId();
            checkValid(schedule, id);
            store.change(book -> {
                Optional<CheckpointSchedule> existing = find(book, id);
                if (existing.isPresent()) {
                    copySettings(schedule, existing.get());
                } else {
                    CheckpointSchedule added = EcoreUtil.copy(schedule);
                    added.getRuns().clear();
                    added.getRequests().clear();
                    added.setId(id);
                    book.getSchedules().add(added);
                }
            });
            plan(id);
            stored = EcoreUtil.copy(stored(id).orElseThrow());
        }
        notifyListeners(ScheduleListener::schedulesChanged);
        return stored;
    }

    @Override
    public boolean remove(String id) throws IOException {
        boolean removed;
        synchronized (state) {
            if (stored(id).isEmpty()) {
                return false;
            }
            store.change(book -> book.getSchedules().removeIf(s -> s.getId().equals(id)));
            removed = stored(id).isEmpty();
            unplan(id);
            lastTicks.remove(id);
        }
        notifyListeners(ScheduleListener::schedulesChanged);
        return removed;
    }

    @Override
    public Optional<Instant> nextRun(String id) {
        synchronized (state) {
            if (owner.ours()) {
                return Optional.ofNullable(plannedTimes.get(id));
            }
            // another process fires: tell when it will, by the same rule from the same history
            return stored(id).flatMap(s -> RunPlanner.next(s, lastTick(s), env.clock().instant(), env.clock().getZone()));
        }
    }

    @Override
    public boolean isRunning(String id) {
        synchronized (state) {
            return running.contains(id);
        }
    }

    @Override
    public CompletableFuture<ScheduleRun> runNow(String id) {
        CompletableFuture<ScheduleRun> result = new CompletableFuture<>();
        Runnable start;
        synchronized (state) {
            Optional<CheckpointSchedule> schedule = stored(id);
            if (closed) {
                result.completeExceptionally(new IllegalStateException("the scheduler of " + store.file() + " is closed"));
                return result;
            }
            if (schedule.isEmpty()) {
                result.completeExceptionally(new IllegalArgumentException("no schedule with id " + id + " in " + store.file()));
                return result;
            }
            if (!owner.ours()) {
                ask(schedule.get(), result);
                return result;
            }
            start = begin(EcoreUtil.copy(schedule.get()), Trigger.runNow(env.clock().instant(), result));
        }
        start.run();
        return result;
    }

    /** Leaves a run request for the owner in the file; result completes when the owner's run shows there. */
    private void ask(CheckpointSchedule schedule, CompletableFuture<ScheduleRun> result) {
        if (owner.pid() == 0) {
            result.completeExceptionally(new NotOwnerException(schedule.getName(), store.file()));
            return;
        }
        RunRequest request = new RunRequest();
        request.setRequestId(UUID.randomUUID().toString());
        request.setRequestedUnixMs(env.clock().millis());
        request.setRequesterPid(ProcessHandle.current().pid());
        try {
            store.change(book -> find(book, schedule.getId()).ifPresent(s -> s.getRequests().add(request)));
        } catch (IOException e) {
            result.completeExceptionally(new IOException("schedule '" + schedule.getName() + "': cannot ask the scheduler service (pid "
                    + owner.pid() + ") to run it: " + e.getMessage(), e));
            return;
        }
        pending.add(request.getRequestId(), schedule, owner.pid(), request.getRequested(), result);
    }

    @Override
    public SchedulerOwner owner() {
        synchronized (state) {
            return owner;
        }
    }

    @Override
    public void addListener(ScheduleListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ScheduleListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        List<Runnable> abandoned;
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            new ArrayList<>(plans.keySet()).forEach(this::unplan);
            abandoned = pending.abandonAll(store.file());
        }
        abandoned.forEach(Runnable::run);
        timer.close();
        env.runs().shutdownNow(); // interrupts checkpoints: the engine is cancelled and leaves no partial image
        try {
            env.runs().awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.close();
    }

    /** Follows the file and the lock: runs at open, then every sync period on the timer. */
    private void sync() {
        List<Consumer<ScheduleListener>> events = new ArrayList<>();
        List<Runnable> afterwards = new ArrayList<>();
        synchronized (state) {
            if (closed) {
                return;
            }
            try {
                if (store.refresh()) {
                    events.add(ScheduleListener::schedulesChanged);
                    planAll();
                }
            } catch (ScheduleFileException e) {
                events.add(l -> l.schedulesFileFailed(e));
            }
            SchedulerOwner now = currentOwner();
            if (!now.equals(owner)) {
                owner = now;
                planAll();
                events.add(l -> l.ownerChanged(now));
            }
            // answer our own requests first: those of a gone owner are withdrawn before we might serve them
            settleRequests(events, afterwards);
            if (owner.ours() && RunRequests.any(store.book())) {
                serveRequests(events, afterwards);
            }
            timer.at(env.clock().instant().plus(env.syncPeriod()), this::sync);
        }
        events.forEach(this::notifyListeners);
        afterwards.forEach(Runnable::run);
    }

    /** Requester: answers callers whose run the owner recorded, fails those it will not answer. */
    private void settleRequests(List<Consumer<ScheduleListener>> events, List<Runnable> afterwards) {
        PendingRequests.Settled settled = pending.settle(store.book(), owner, env.clock().instant());
        if (!settled.withdraw().isEmpty()) {
            try {
                store.change(book -> RunRequests.withdraw(book, settled.withdraw()));
            } catch (IOException e) {
                events.add(l -> l.schedulesFileFailed(e));
            }
        }
        afterwards.addAll(settled.answers());
    }

    /**
     * Owner: takes every request out of the file and runs each like {@link #runNow}; one that waited
     * too long (left while no scheduler ran) is recorded as skipped instead.
     */
    private void serveRequests(List<Consumer<ScheduleListener>> events, List<Runnable> afterwards) {
        List<RunRequests.Taken> taken = new ArrayList<>();
        try {
            store.change(book -> taken.addAll(RunRequests.takeAll(book)));
        } catch (IOException e) {
            events.add(l -> l.schedulesFileFailed(e)); // the requests stay in the file for the next look
            return;
        }
        Instant now = env.clock().instant();
        for (RunRequests.Taken t : taken) {
            Optional<CheckpointSchedule> schedule = stored(t.scheduleId());
            if (schedule.isEmpty()) {
                continue; // cannot happen: a request is removed with its schedule
            }
            CheckpointSchedule copy = EcoreUtil.copy(schedule.get());
            Trigger trigger = Trigger.requested(now, t.request().getRequestId());
            if (RunRequests.tooOld(t.request(), now)) {
                ScheduleRun dropped = runner.expired(copy, now, t.request());
                afterwards.add(() -> finish(copy.getId(), dropped, trigger));
            } else {
                afterwards.add(begin(copy, trigger));
            }
        }
    }

    private SchedulerOwner currentOwner() {
        try {
            if (lock.tryAcquire()) {
                return new SchedulerOwner(true, ProcessHandle.current().pid());
            }
            return new SchedulerOwner(false, lock.owner().orElse(0));
        } catch (IOException e) {
            return new SchedulerOwner(false, 0); // cannot write beside the schedules: someone else must run them
        }
    }

    private void planAll() {
        new ArrayList<>(plans.keySet()).forEach(this::unplan);
        store.book().getSchedules().forEach(s -> plan(s.getId()));
    }

    private void plan(String id) {
        unplan(id);
        Optional<CheckpointSchedule> schedule = stored(id);
        if (closed || !owner.ours() || schedule.isEmpty()) {
            return;
        }
        RunPlanner.next(schedule.get(), lastTick(schedule.get()), env.clock().instant(), env.clock().getZone())
                .ifPresent(time -> {
                    plannedTimes.put(id, time);
                    plans.put(id, timer.at(time, () -> fire(id, time)));
                });
    }

    private void unplan(String id) {
        SchedulerTimer.Planned planned = plans.remove(id);
        if (planned != null) {
            planned.cancel();
        }
        plannedTimes.remove(id);
    }

    private Optional<Instant> lastTick(CheckpointSchedule schedule) {
        Optional<Instant> inHistory = RunPlanner.lastTickIn(schedule);
        Optional<Instant> here = Optional.ofNullable(lastTicks.get(schedule.getId()));
        return here.isPresent() && inHistory.map(h -> h.isBefore(here.get())).orElse(true) ? here : inHistory;
    }

    /** A planned time came. */
    private void fire(String id, Instant tick) {
        Runnable start;
        synchronized (state) {
            if (closed || !owner.ours() || !tick.equals(plannedTimes.get(id))) {
                return; // replanned or given up meanwhile
            }
            lastTicks.put(id, tick);
            plan(id);
            Optional<CheckpointSchedule> schedule = stored(id);
            if (schedule.isEmpty()) {
                return;
            }
            start = begin(EcoreUtil.copy(schedule.get()), Trigger.planned(tick));
        }
        start.run();
    }

    /** @return what starts the run (or records the overlap) once the monitor is released */
    private Runnable begin(CheckpointSchedule schedule, Trigger trigger) {
        String id = schedule.getId();
        if (running.contains(id)) {
            // a request too is answered by a skipped run: the requester learns why, from the history
            ScheduleRun skipped = runner.overlap(schedule, trigger.start(), trigger.manual());
            return () -> finish(id, skipped, trigger);
        }
        running.add(id);
        return () -> {
            try {
                env.runs().execute(() -> execute(schedule, trigger));
            } catch (RejectedExecutionException e) {
                synchronized (state) {
                    running.remove(id);
                }
                trigger.caller().ifPresent(c -> c.completeExceptionally(
                        new IllegalStateException("the scheduler of " + store.file() + " is closed")));
            }
        };
    }

    private void execute(CheckpointSchedule schedule, Trigger trigger) {
        ScheduleRun run;
        try {
            notifyListeners(l -> l.runStarted(schedule));
            run = runner.run(schedule, trigger.start(), trigger.manual());
        } finally {
            synchronized (state) {
                running.remove(schedule.getId());
            }
        }
        finish(schedule.getId(), run, trigger);
    }

    /** Applies retention after a good run, records the run, tells listeners and the caller. */
    private void finish(String id, ScheduleRun run, Trigger trigger) {
        if (!trigger.requestId().isEmpty()) {
            // how the requester finds its run; unset otherwise, so that files without requests stay as they were
            run.setRequestId(trigger.requestId());
        }
        Optional<CheckpointSchedule> after;
        Optional<IOException> problem = Optional.empty();
        synchronized (state) {
            Optional<CheckpointSchedule> schedule = stored(id);
            if (schedule.isPresent() && run.getResult() == RunResult.OK) {
                applyRetention(schedule.get(), run);
            }
            try {
                store.change(book -> find(book, id).ifPresent(s -> RunHistory.add(s, EcoreUtil.copy(run), env.maxRuns())));
            } catch (IOException e) {
                problem = Optional.of(e);
            }
            after = stored(id).map(EcoreUtil::copy);
        }
        problem.ifPresent(e -> notifyListeners(l -> l.schedulesFileFailed(e)));
        after.ifPresent(s -> notifyListeners(l -> l.runFinished(s, run)));
        trigger.caller().ifPresent(c -> c.complete(run));
    }

    /** Deletes the images the policy no longer keeps; what cannot be deleted is said in the run's message. */
    private void applyRetention(CheckpointSchedule schedule, ScheduleRun run) {
        List<String> problems = new ArrayList<>();
        try {
            List<ScheduleImage> images = ScheduleImages.list(schedule);
            for (ScheduleImage old : Retention.toDelete(schedule, images, env.clock().instant(), env.clock().getZone())) {
                try {
                    Files.deleteIfExists(old.path());
                } catch (IOException e) {
                    problems.add("cannot delete " + old.path() + " (" + e.getMessage() + ")");
                }
            }
        } catch (IOException e) {
            problems.add("cannot list " + schedule.getFolder() + " (" + e.getMessage() + ")");
        }
        if (!problems.isEmpty()) {
            run.setMessage("schedule '" + schedule.getName() + "': retention: " + String.join("; ", problems)
                    + "; check the folder's permissions");
        }
    }

    private void checkValid(CheckpointSchedule schedule, String id) throws ScheduleValidationException {
        List<ScheduleProblem> problems = new ArrayList<>(ScheduleValidator.problems(schedule));
        store.book().getSchedules().stream()
                .filter(other -> !other.getId().equals(id) && other.getName().equals(schedule.getName())).findAny()
                .ifPresent(other -> problems.add(new ScheduleProblem(schedule.getName(), "name",
                        "another schedule has this name (and would share its image names): choose another")));
        if (!problems.isEmpty()) {
            throw new ScheduleValidationException(problems);
        }
    }

    /** Copies every setting, not the identity and not the history. */
    private static void copySettings(CheckpointSchedule from, CheckpointSchedule to) {
        for (EAttribute attribute : to.eClass().getEAllAttributes()) {
            if (!attribute.getName().equals("id")) {
                to.eSet(attribute, from.eGet(attribute));
            }
        }
    }

    private Optional<CheckpointSchedule> stored(String id) {
        return find(store.book(), id);
    }

    private static Optional<CheckpointSchedule> find(ScheduleBook book, String id) {
        return book.getSchedules().stream().filter(s -> s.getId().equals(id)).findFirst();
    }

    /**
     * Why a run starts.
     *
     * @param start     the planned tick, or when it was asked for
     * @param manual    asked for rather than planned
     * @param requestId the request of another process it answers; "" for none
     * @param caller    the runNow caller of this process waiting for the run
     */
    private record Trigger(Instant start, boolean manual, String requestId, Optional<CompletableFuture<ScheduleRun>> caller) {

        static Trigger planned(Instant tick) {
            return new Trigger(tick, false, "", Optional.empty());
        }

        static Trigger runNow(Instant start, CompletableFuture<ScheduleRun> caller) {
            return new Trigger(start, true, "", Optional.of(caller));
        }

        static Trigger requested(Instant start, String requestId) {
            return new Trigger(start, true, requestId, Optional.empty());
        }
    }

    private void notifyListeners(Consumer<ScheduleListener> event) {
        for (ScheduleListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                // one broken view must not stop the scheduler or the other listeners
                LOG.log(System.Logger.Level.ERROR, "a schedule listener failed: " + listener, e);
            }
        }
    }
}
