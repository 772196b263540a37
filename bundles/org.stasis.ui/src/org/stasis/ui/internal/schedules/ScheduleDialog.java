package org.stasis.ui.internal.schedules;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.stasis.core.schedule.Retention;
import org.stasis.core.schedule.ScheduleImages;
import org.stasis.core.schedule.ScheduleProblem;
import org.stasis.core.schedule.ScheduleValidationException;
import org.stasis.core.schedule.ScheduleValidator;
import org.stasis.core.schedule.Scheduler;
import org.stasis.model.CheckpointSchedule;

/**
 * "Checkpoint periodically": creates or edits a schedule. Validates as the user types (the first
 * problem in the title area, OK disabled until there is none), explains the timing in words with the
 * next run times, shows an example image name and what the retention will take on disk at the
 * target's current size. OK saves through the scheduler. Does not block: the views update from the
 * scheduler's notifications.
 */
final class ScheduleDialog extends TitleAreaDialog {

    private static final int NEXT_RUNS_SHOWN = 3;
    /** Fields whose problems make looking for the target pointless (or, for a bad regex, impossible). */
    private static final Set<String> TARGET_FIELDS = Set.of("targetPid", "commandPattern"); //$NON-NLS-1$ //$NON-NLS-2$
    private static final Set<String> EXAMPLE_FIELDS = Set.of("name", "folder"); //$NON-NLS-1$ //$NON-NLS-2$

    private final Scheduler scheduler;
    private final CheckpointSchedule initial;
    private final String patternOffer;
    private ScheduleForm form;
    private TargetProbe probe;
    private Optional<TargetProbe.Found> found = Optional.empty();
    private ScheduleForm.Reading reading;
    private List<ScheduleProblem> problems = List.of();

    /**
     * @param initial      the schedule to edit (with its id), or a new one (empty id)
     * @param patternOffer the command-line pattern offered when the user switches to matching by command
     */
    ScheduleDialog(Shell parent, Scheduler scheduler, CheckpointSchedule initial, String patternOffer) {
        super(parent);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler"); //$NON-NLS-1$
        this.initial = Objects.requireNonNull(initial, "initial"); //$NON-NLS-1$
        this.patternOffer = Objects.requireNonNull(patternOffer, "patternOffer"); //$NON-NLS-1$
        setBlockOnOpen(false);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    private boolean isNew() {
        return initial.getId().isEmpty();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Dialog_ShellTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        form = new ScheduleForm(area);
        form.show(initial, patternOffer);
        probe = new TargetProbe(parent.getDisplay(), f -> {
            found = Optional.of(f);
            showEstimateAndProblems();
        });
        form.onChange(this::update);
        area.addDisposeListener(e -> probe.cancel());
        return area;
    }

    @Override
    public void create() {
        super.create();
        setTitle(isNew() ? Messages.Dialog_TitleNew : NLS.bind(Messages.Dialog_TitleEdit, initial.getName()));
        getButton(IDialogConstants.OK_ID).setText(isNew() ? Messages.Dialog_Create : Messages.Dialog_Save);
        update();
        form.focusName();
    }

    /** Reads the fields, judges them, and refreshes every preview. */
    private void update() {
        reading = form.read();
        problems = problemsOf(reading);
        Set<String> wrong = problems.stream().map(ScheduleProblem::field).collect(Collectors.toSet());
        CheckpointSchedule schedule = reading.schedule();
        showTiming(schedule, wrong);
        form.showExample(wrong.stream().anyMatch(EXAMPLE_FIELDS::contains) ? "" //$NON-NLS-1$
                : NLS.bind(Messages.Dialog_Example, ScheduleImages.imagePath(schedule, Instant.now())));
        if (wrong.stream().anyMatch(TARGET_FIELDS::contains)) {
            probe.cancel();
            found = Optional.empty();
            form.showDisk(""); //$NON-NLS-1$
        } else {
            if (found.isEmpty()) {
                form.showDisk(Messages.Disk_Looking);
            }
            probe.probe(schedule);
        }
        showEstimateAndProblems();
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problems.isEmpty());
        }
    }

    /** @return what the fields got wrong, then what the validator finds in the fields that parsed */
    private static List<ScheduleProblem> problemsOf(ScheduleForm.Reading reading) {
        List<ScheduleProblem> all = new ArrayList<>(reading.problems());
        Set<String> unreadable = reading.problems().stream().map(ScheduleProblem::field).collect(Collectors.toSet());
        ScheduleValidator.problems(reading.schedule()).stream().filter(p -> !unreadable.contains(p.field())).forEach(all::add);
        return all;
    }

    private void showTiming(CheckpointSchedule schedule, Set<String> wrong) {
        if (wrong.contains("intervalSeconds") || wrong.contains("cronExpression")) { //$NON-NLS-1$ //$NON-NLS-2$
            form.showWhen("", ""); //$NON-NLS-1$ //$NON-NLS-2$
            return;
        }
        String words = ScheduleTexts.when(schedule);
        if (!schedule.isEnabled()) {
            form.showWhen(words, Messages.Dialog_Disabled);
            return;
        }
        boolean sameTiming = !isNew() && schedule.getIntervalSeconds() == initial.getIntervalSeconds()
                && schedule.getCronExpression().equals(initial.getCronExpression());
        Optional<Instant> first = sameTiming ? scheduler.nextRun(initial.getId()) : Optional.empty();
        List<Instant> next = RunTimes.next(schedule, first, Instant.now(), ZoneId.systemDefault(), NEXT_RUNS_SHOWN);
        form.showWhen(words, next.isEmpty() ? Messages.Dialog_NoNextRun
                : NLS.bind(Messages.Dialog_NextRuns, next.stream().map(ScheduleTexts::time).collect(Collectors.joining(", ")))); //$NON-NLS-1$
    }

    /**
     * The disk estimate at the last found target size, and the title area: the first problem as an
     * error, else a warning when the disk is too small, else the plain message.
     */
    private void showEstimateAndProblems() {
        if (form == null || reading == null) {
            return;
        }
        Optional<DiskEstimate> estimate = found.flatMap(f -> f.target().map(
                t -> DiskEstimate.of(reading.schedule(), t.rssBytes(), f.freeBytes())));
        if (found.isPresent()) {
            form.showDisk(estimate.map(DiskEstimate::text).orElse(NLS.bind(Messages.Disk_NoTarget,
                    Integer.toString(Retention.maxImagesKept(reading.schedule())))));
        }
        if (!problems.isEmpty()) {
            ScheduleProblem first = problems.get(0);
            setErrorMessage(NLS.bind(Messages.Dialog_Problem, form.labelOf(first.field()), first.message()));
        } else {
            setErrorMessage(null);
            if (estimate.isPresent() && estimate.get().exceedsFreeSpace()) {
                setMessage(Messages.Dialog_DiskWarning, IMessageProvider.WARNING);
            } else {
                setMessage(Messages.Dialog_Message);
            }
        }
    }

    @Override
    protected void okPressed() {
        update();
        if (!problems.isEmpty()) {
            return;
        }
        CheckpointSchedule schedule = reading.schedule();
        schedule.setId(initial.getId());
        try {
            scheduler.save(schedule);
            super.okPressed();
        } catch (ScheduleValidationException e) {
            setErrorMessage(e.getMessage());
        } catch (IOException e) {
            setErrorMessage(NLS.bind(Messages.Dialog_SaveFailed, e.getMessage()));
        }
    }
}
