package org.stasis.ui.internal.checkpoint;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.osgi.util.NLS;
import org.stasis.core.engine.CheckReport;
import org.stasis.core.engine.EngineException;
import org.stasis.core.engine.StasisEngine;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Asks the engine once per helper whether it may checkpoint here (`stasis check`), in a background
 * Job, and remembers the answer: privileges do not change while the workbench runs, and actions must
 * be able to say up front that they cannot work instead of failing with the tree frozen.
 */
@Creatable
@Singleton
public final class PrivilegeCheck {

    /** Runs the engine's check; tests pass one that returns a made-up report. */
    @FunctionalInterface
    public interface Checker {
        CheckReport check(Path helper) throws EngineException;
    }

    private final Checker checker;
    private final Map<Path, CompletableFuture<PrivilegeStatus>> statuses = new ConcurrentHashMap<>();

    /** Checks with the real engine. */
    @Inject
    public PrivilegeCheck() {
        this(helper -> new StasisEngine(helper).check());
    }

    public PrivilegeCheck(Checker checker) {
        this.checker = Objects.requireNonNull(checker, "checker"); //$NON-NLS-1$
    }

    /**
     * @return the status for this helper: the remembered one, or one a background Job is finding out;
     *         the future completes on that Job's thread
     */
    public CompletableFuture<PrivilegeStatus> status(Path helper) {
        return statuses.computeIfAbsent(helper.toAbsolutePath().normalize(), this::start);
    }

    private CompletableFuture<PrivilegeStatus> start(Path helper) {
        CompletableFuture<PrivilegeStatus> status = new CompletableFuture<>();
        Job job = Job.create(NLS.bind(Messages.Privilege_Job, helper), monitor -> {
            status.complete(run(helper));
            return Status.OK_STATUS;
        });
        job.setSystem(true); // a few milliseconds, and nothing the user asked for
        job.schedule();
        return status;
    }

    private PrivilegeStatus run(Path helper) {
        try {
            return PrivilegeStatus.of(checker.check(helper));
        } catch (EngineException | RuntimeException e) {
            return PrivilegeStatus.checkFailed(String.valueOf(e.getMessage()));
        }
    }
}
