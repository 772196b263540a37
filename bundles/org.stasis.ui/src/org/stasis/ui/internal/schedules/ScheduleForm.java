package org.stasis.ui.internal.schedules;

import static org.stasis.ui.internal.widgets.FormWidgets.group;
import static org.stasis.ui.internal.widgets.FormWidgets.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.stasis.core.schedule.ScheduleProblem;
import org.stasis.model.CheckpointSchedule;
import org.stasis.ui.WidgetIds;

/**
 * The fields of a schedule in the scheduler dialog, and reading them back into a schedule. Knows
 * only what the widgets can get wrong (a number that is not one, an interval of 0); whether the
 * schedule is valid is the core validator's call.
 */
final class ScheduleForm {

    /** Units of the interval field, in seconds, in the order of the unit combo. */
    private static final long[] UNIT_SECONDS = { 1, 60, 3600 };
    private static final int UNIT_MINUTES = 1;

    private final Text name;
    private final Button byPid;
    private final Text pid;
    private final Button byPattern;
    private final Text pattern;
    private final Text user;
    private final Button byInterval;
    private final Text interval;
    private final Combo unit;
    private final Button byCron;
    private final Text cron;
    private final Label when;
    private final Label nextRuns;
    private final Text folder;
    private final Label example;
    private final Text keepLast;
    private final Text hourly;
    private final Text daily;
    private final Label disk;
    private final Button enabled;
    private final Map<String, String> fieldLabels;

    ScheduleForm(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(10, 10).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);

        Composite top = columns(form, 2);
        name = field(top, Messages.Form_Name, WidgetIds.SCHEDULE_NAME);

        Composite target = group(form, Messages.Form_Target, 3);
        byPid = radio(target, Messages.Form_ByPid, WidgetIds.SCHEDULE_BY_PID);
        pid = text(target, WidgetIds.SCHEDULE_PID, 2);
        byPattern = radio(target, Messages.Form_ByPattern, WidgetIds.SCHEDULE_BY_PATTERN);
        pattern = text(target, WidgetIds.SCHEDULE_PATTERN, 2);
        label(target, Messages.Form_User).setLayoutData(GridDataFactory.fillDefaults().indent(24, 0).create());
        user = text(target, WidgetIds.SCHEDULE_USER, 2);
        user.setMessage(Messages.Form_AnyUser);

        Composite timing = group(form, Messages.Form_When, 3);
        byInterval = radio(timing, Messages.Form_ByInterval, WidgetIds.SCHEDULE_BY_INTERVAL);
        interval = text(timing, WidgetIds.SCHEDULE_INTERVAL, 1);
        unit = new Combo(timing, SWT.READ_ONLY);
        unit.setItems(Messages.Unit_Seconds, Messages.Unit_Minutes, Messages.Unit_Hours);
        unit.setData(WidgetIds.KEY, WidgetIds.SCHEDULE_UNIT);
        byCron = radio(timing, Messages.Form_ByCron, WidgetIds.SCHEDULE_BY_CRON);
        cron = text(timing, WidgetIds.SCHEDULE_CRON, 2);
        cron.setMessage(Messages.Form_CronHint);
        when = wideLabel(timing, WidgetIds.SCHEDULE_WHEN, 3);
        nextRuns = wideLabel(timing, WidgetIds.SCHEDULE_NEXT_RUNS, 3);

        Composite images = group(form, Messages.Form_Images, 3);
        label(images, Messages.Form_Folder);
        folder = text(images, WidgetIds.SCHEDULE_FOLDER, 1);
        Button browse = new Button(images, SWT.PUSH);
        browse.setText(Messages.Form_Browse);
        browse.addListener(SWT.Selection, e -> browseFolder());
        example = wideLabel(images, WidgetIds.SCHEDULE_EXAMPLE, 3);
        label(images, Messages.Form_KeepLast);
        keepLast = text(images, WidgetIds.SCHEDULE_KEEP_LAST, 2);
        label(images, Messages.Form_Hourly);
        hourly = text(images, WidgetIds.SCHEDULE_HOURLY, 2);
        label(images, Messages.Form_Daily);
        daily = text(images, WidgetIds.SCHEDULE_DAILY, 2);
        disk = wideLabel(images, WidgetIds.SCHEDULE_DISK, 3);

        enabled = new Button(form, SWT.CHECK);
        enabled.setText(Messages.Form_Enabled);
        enabled.setData(WidgetIds.KEY, WidgetIds.SCHEDULE_ENABLED);

        fieldLabels = Map.of("name", Messages.Form_Name, "targetPid", Messages.Form_Target, //$NON-NLS-1$ //$NON-NLS-2$
                "commandPattern", Messages.Form_ByPattern, "user", Messages.Form_User, //$NON-NLS-1$ //$NON-NLS-2$
                "intervalSeconds", Messages.Form_When, "cronExpression", Messages.Form_ByCron, //$NON-NLS-1$ //$NON-NLS-2$
                "folder", Messages.Form_Folder, "keepLast", Messages.Form_KeepLast, //$NON-NLS-1$ //$NON-NLS-2$
                "hourlyForHours", Messages.Form_Hourly, "dailyForDays", Messages.Form_Daily); //$NON-NLS-1$ //$NON-NLS-2$
        byPid.addListener(SWT.Selection, e -> updateEnablement());
        byPattern.addListener(SWT.Selection, e -> updateEnablement());
        byInterval.addListener(SWT.Selection, e -> updateEnablement());
        byCron.addListener(SWT.Selection, e -> updateEnablement());
    }

    /** Fills the fields from schedule; patternOffer goes into the pattern field when the schedule has none. */
    void show(CheckpointSchedule schedule, String patternOffer) {
        name.setText(schedule.getName());
        boolean pidTarget = schedule.getTargetPid() > 0 || schedule.getCommandPattern().isEmpty();
        byPid.setSelection(pidTarget);
        byPattern.setSelection(!pidTarget);
        pid.setText(schedule.getTargetPid() > 0 ? Integer.toString(schedule.getTargetPid()) : ""); //$NON-NLS-1$
        pattern.setText(schedule.getCommandPattern().isEmpty() ? patternOffer : schedule.getCommandPattern());
        user.setText(schedule.getUser());
        boolean cronTiming = !schedule.getCronExpression().isEmpty();
        byInterval.setSelection(!cronTiming);
        byCron.setSelection(cronTiming);
        long seconds = cronTiming ? ScheduleDefaults.INTERVAL_SECONDS : schedule.getIntervalSeconds();
        int u = UNIT_SECONDS.length - 1;
        while (u > 0 && seconds % UNIT_SECONDS[u] != 0) {
            u--;
        }
        unit.select(seconds == 0 ? UNIT_MINUTES : u);
        interval.setText(Long.toString(seconds / UNIT_SECONDS[unit.getSelectionIndex()]));
        cron.setText(schedule.getCronExpression());
        folder.setText(schedule.getFolder());
        keepLast.setText(Integer.toString(schedule.getKeepLast()));
        hourly.setText(Integer.toString(schedule.getHourlyForHours()));
        daily.setText(Integer.toString(schedule.getDailyForDays()));
        enabled.setSelection(schedule.isEnabled());
        updateEnablement();
    }

    /** Calls listener after every edit of any field. */
    void onChange(Runnable listener) {
        for (Text t : List.of(name, pid, pattern, user, interval, cron, folder, keepLast, hourly, daily)) {
            t.addModifyListener(e -> listener.run());
        }
        for (Control c : List.of(byPid, byPattern, byInterval, byCron, unit, enabled)) {
            c.addListener(SWT.Selection, e -> listener.run());
        }
    }

    /** The fields as a schedule (id and history not set), with what the fields themselves got wrong. */
    record Reading(CheckpointSchedule schedule, List<ScheduleProblem> problems) {
    }

    Reading read() {
        CheckpointSchedule s = new CheckpointSchedule();
        List<ScheduleProblem> problems = new ArrayList<>();
        s.setName(name.getText().strip());
        if (byPid.getSelection()) {
            // no pid yet is not a typing error: the validator asks for a process
            s.setTargetPid(pid.getText().isBlank() ? 0 : (int) number(pid, "targetPid", problems)); //$NON-NLS-1$
        } else {
            s.setCommandPattern(pattern.getText());
            s.setUser(user.getText().strip());
        }
        if (byInterval.getSelection()) {
            int before = problems.size();
            long n = number(interval, "intervalSeconds", problems); //$NON-NLS-1$
            if (n <= 0 && problems.size() == before) {
                problems.add(new ScheduleProblem(s.getName(), "intervalSeconds", Messages.Problem_Interval)); //$NON-NLS-1$
            }
            s.setIntervalSeconds(n * UNIT_SECONDS[Math.max(0, unit.getSelectionIndex())]);
        } else {
            s.setCronExpression(cron.getText().strip());
        }
        s.setFolder(folder.getText().strip());
        s.setKeepLast((int) number(keepLast, "keepLast", problems)); //$NON-NLS-1$
        s.setHourlyForHours((int) number(hourly, "hourlyForHours", problems)); //$NON-NLS-1$
        s.setDailyForDays((int) number(daily, "dailyForDays", problems)); //$NON-NLS-1$
        s.setEnabled(enabled.getSelection());
        return new Reading(s, problems);
    }

    /** @return the label of a model field, for messages: "Keep last: ..." */
    String labelOf(String field) {
        return plain(fieldLabels.getOrDefault(field, field));
    }

    /** @return a field label as prose: "Keep the last" for "Keep the &amp;last:" */
    private static String plain(String label) {
        String text = label.replace("&", ""); //$NON-NLS-1$ //$NON-NLS-2$
        return text.endsWith(":") ? text.substring(0, text.length() - 1) : text; //$NON-NLS-1$
    }

    void showWhen(String words, String next) {
        when.setText(words);
        nextRuns.setText(next);
    }

    void showExample(String text) {
        example.setText(text);
    }

    void showDisk(String text) {
        disk.setText(text);
        disk.getParent().layout(true);
    }

    void focusName() {
        name.setFocus();
        name.selectAll();
    }

    /** The title area names the field (labelOf): the problem itself only says what is wrong with the text. */
    private static long number(Text field, String feature, List<ScheduleProblem> problems) {
        String text = field.getText().strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(new ScheduleProblem("", feature, NLS.bind(Messages.Problem_Number, text))); //$NON-NLS-1$
            return 0;
        }
    }

    private void updateEnablement() {
        pid.setEnabled(byPid.getSelection());
        pattern.setEnabled(byPattern.getSelection());
        user.setEnabled(byPattern.getSelection());
        interval.setEnabled(byInterval.getSelection());
        unit.setEnabled(byInterval.getSelection());
        cron.setEnabled(byCron.getSelection());
    }

    private void browseFolder() {
        DirectoryDialog chooser = new DirectoryDialog(folder.getShell());
        chooser.setFilterPath(folder.getText());
        String chosen = chooser.open();
        if (chosen != null) {
            folder.setText(chosen);
        }
    }

    private static Composite columns(Composite parent, int n) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(n).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(c);
        return c;
    }

    private static Label label(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        return l;
    }

    /**
     * A label of computed text, two lines high from the start: its text arrives after the dialog took
     * its size (the disk estimate comes from a Job), and must not be cut off then.
     */
    private static Label wideLabel(Composite parent, String id, int span) {
        Label l = new Label(parent, SWT.WRAP);
        l.setData(WidgetIds.KEY, id);
        GC gc = new GC(l);
        int lineHeight = gc.getFontMetrics().getHeight();
        gc.dispose();
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).hint(560, 2 * lineHeight).applyTo(l);
        return l;
    }

    private static Text field(Composite parent, String label, String id) {
        label(parent, label);
        return text(parent, id, 1);
    }

    private static Text text(Composite parent, String id, int span) {
        Text t = new Text(parent, SWT.BORDER);
        t.setData(WidgetIds.KEY, id);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).hint(200, SWT.DEFAULT).applyTo(t);
        return t;
    }
}
