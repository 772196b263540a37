package org.stasis.core.processes;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads the process list periodically, off any UI thread, and hands each snapshot to its listeners.
 * <p>
 * The monitor owns one daemon thread; it polls only while someone listens, so a closed view costs
 * nothing. Listeners are called on that thread and must hand the snapshot over to their own thread
 * (the workbench uses {@code Display.asyncExec}). In the workbench one instance is an OSGi service.
 */
public class ProcessMonitor implements AutoCloseable {

    /** How often the workbench refreshes the process list. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    /** Receives snapshots on the monitor's thread. */
    public interface Listener {
        void updated(ProcessSnapshot snapshot);

        /** The proc tree could not be read at all; the next cycle tries again. */
        default void failed(IOException error) {
            // most listeners only care about data
        }
    }

    private final ProcessReader reader;
    private final Duration interval;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor;
    private Optional<ScheduledFuture<?>> polling = Optional.empty();
    private volatile Optional<ProcessSnapshot> latest = Optional.empty();

    /** The workbench's monitor: real /proc, every {@link #DEFAULT_INTERVAL}. */
    public ProcessMonitor() {
        this(new ProcessReader(), DEFAULT_INTERVAL);
    }

    public ProcessMonitor(ProcessReader reader, Duration interval) {
        this.reader = Objects.requireNonNull(reader, "reader"); //$NON-NLS-1$
        this.interval = Objects.requireNonNull(interval, "interval"); //$NON-NLS-1$
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval); //$NON-NLS-1$
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "Stasis process monitor"); //$NON-NLS-1$
            t.setDaemon(true); // never keep the VM alive for a refresh
            return t;
        });
    }

    public Duration interval() {
        return interval;
    }

    /** @return the most recent snapshot, if one was read already */
    public Optional<ProcessSnapshot> latest() {
        return latest;
    }

    /** Adds a listener; polling starts (with an immediate read) when the first one arrives. */
    public synchronized void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener")); //$NON-NLS-1$
        if (polling.isEmpty() && !executor.isShutdown()) {
            polling = Optional.of(executor.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(),
                    TimeUnit.MILLISECONDS));
        }
    }

    /** Removes a listener; polling stops with the last one. */
    public synchronized void removeListener(Listener listener) {
        listeners.remove(listener);
        if (listeners.isEmpty()) {
            polling.ifPresent(f -> f.cancel(false));
            polling = Optional.empty();
        }
    }

    private void poll() {
        ProcessSnapshot snapshot;
        try {
            snapshot = reader.read(latest);
        } catch (IOException e) {
            notifyListeners(l -> l.failed(e));
            return;
        } catch (RuntimeException e) {
            IOException wrapped = new IOException("process list refresh failed: " + e, e); //$NON-NLS-1$
            notifyListeners(l -> l.failed(wrapped));
            return;
        }
        latest = Optional.of(snapshot);
        notifyListeners(l -> l.updated(snapshot));
    }

    /**
     * Calls every listener, isolating them: an exception escaping a scheduled task would silently
     * cancel the schedule and freeze every view, so a failing listener only loses this one call.
     */
    private void notifyListeners(Consumer<Listener> call) {
        for (Listener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }
    }

    /** Stops polling for good. */
    @Override
    public synchronized void close() {
        listeners.clear();
        polling = Optional.empty();
        executor.shutdownNow();
    }
}
