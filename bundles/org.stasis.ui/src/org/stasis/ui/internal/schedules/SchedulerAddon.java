package org.stasis.ui.internal.schedules;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.stasis.core.schedule.Schedulers;
import org.stasis.ui.internal.preferences.StasisPreferences;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Application addon of the scheduler: opens the workbench's one {@link WorkbenchScheduler} on the
 * user's schedules file ({@code -Dstasis.schedules} overrides it) and puts it, with the
 * {@link HistoryOpener}, into the application context; closes it when the workbench shuts down, which
 * hands the lock to a waiting headless service.
 */
public final class SchedulerAddon {

    private WorkbenchScheduler scheduler;

    @PostConstruct
    public void start(IEclipseContext context) {
        scheduler = WorkbenchScheduler.open(Schedulers.defaultSchedulesFile(), new HelperCheckpointer(new StasisPreferences()));
        context.set(WorkbenchScheduler.class, scheduler);
        context.set(HistoryOpener.class, ContextInjectionFactory.make(PartHistoryOpener.class, context));
    }

    @PreDestroy
    public void stop() {
        if (scheduler != null) {
            scheduler.close();
        }
    }
}
