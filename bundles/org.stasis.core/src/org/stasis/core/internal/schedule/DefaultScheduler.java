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
import org.stasis.model.RunResult;
import org.stasis.model.ScheduleBook;
import org.stasis.model.ScheduleRun;

/**
 * The scheduler: plans each enabled schedule on the timer while it owns the lock, runs checkpoints
 * on the run executor, records every run, applies retention, and follows what other processes write
 * into the schedules file.
 * <p>
 * One monitor ({@code state}) guards the plans, the runs in progress and the store; file writes
 * happen under it (they are small), checkpoints and listener calls never do.
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
                result.completeExceptionally(new NotOwnerException(schedule.get().getName(), owner.pid()));
                return result;
            }
            start = begin(EcoreUtil.copy(schedule.get()), env.clock().instant(), true, result);
        }
        start.run();
        return result;
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
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            new ArrayList<>(plans.keySet()).forEach(this::unplan);
        }
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
            timer.at(env.clock().instant().plus(env.syncPeriod()), this::sync);
        }
        events.forEach(this::notifyListeners);
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
            start = begin(EcoreUtil.copy(schedule.get()), tick, false, null);
        }
        start.run();
    }

    /** @return what starts the run (or records the overlap) once the monitor is released */
    private Runnable begin(CheckpointSchedule schedule, Instant start, boolean manual, CompletableFuture<ScheduleRun> result) {
        String id = schedule.getId();
        if (running.contains(id)) {
            ScheduleRun skipped = runner.overlap(schedule, start, manual);
            return () -> finish(id, skipped, result);
        }
        running.add(id);
        return () -> {
            try {
                env.runs().execute(() -> execute(schedule, start, manual, result));
            } catch (RejectedExecutionException e) {
                synchronized (state) {
                    running.remove(id);
                }
                if (result != null) {
                    result.completeExceptionally(new IllegalStateException("the scheduler of " + store.file() + " is closed"));
                }
            }
        };
    }

    private void execute(CheckpointSchedule schedule, Instant start, boolean manual, CompletableFuture<ScheduleRun> result) {
        ScheduleRun run;
        try {
            notifyListeners(l -> l.runStarted(schedule));
            run = runner.run(schedule, start, manual);
        } finally {
            synchronized (state) {
                running.remove(schedule.getId());
            }
        }
        finish(schedule.getId(), run, result);
    }

    /** Applies retention after a good run, records the run, tells listeners and the caller. */
    private void finish(String id, ScheduleRun run, CompletableFuture<ScheduleRun> result) {
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
        if (result != null) {
            result.complete(run);
        }
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
