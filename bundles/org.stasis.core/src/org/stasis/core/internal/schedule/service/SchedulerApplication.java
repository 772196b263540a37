package org.stasis.core.internal.schedule.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The Equinox application {@code org.stasis.core.scheduler}: the product started headless
 * ({@code stasis-scheduler}, or the systemd unit) runs the schedules without a workbench.
 * SIGTERM and SIGINT end it cleanly: the JVM's shutdown hook stops the service, which cancels
 * running checkpoints (the engine leaves no partial image) and gives up the lock.
 */
public final class SchedulerApplication implements IApplication {

    /** Longer than the scheduler's own wait for cancelled checkpoints, shorter than systemd's 30 s. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final SchedulerService service = new SchedulerService(System.out, System.err);

    @Override
    public Object start(IApplicationContext context) {
        Object raw = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = raw instanceof String[] array ? Arrays.asList(array) : List.of();
        Thread onSignal = new Thread(() -> service.stopAndWait(STOP_WAIT), "stasis-scheduler shutdown"); //$NON-NLS-1$
        Runtime.getRuntime().addShutdownHook(onSignal);
        context.applicationRunning();
        int exit = service.run(args);
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (we were signalled): nothing to remove
        }
        return exit == SchedulerService.OK ? IApplication.EXIT_OK : Integer.valueOf(exit);
    }

    @Override
    public void stop() {
        service.stop();
    }
}
