package org.stasis.ui.internal.restore;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.stasis.core.restore.PreflightItem;
import org.stasis.core.restore.PreflightReport;
import org.stasis.core.restore.PreflightStatus;
import org.stasis.ui.WidgetIds;
import org.stasis.ui.internal.preferences.StasisPreferences;

/**
 * Page 2: the pre-flight check, run in the background each time the page is shown for another
 * image (or on request), before anything is touched. One row per item: a green, yellow or red dot,
 * what was checked, and the explanation. The page is complete only without red items, so Finish
 * stays disabled while one is red.
 */
final class PreflightPage extends WizardPage {

    /** Widget data key of an item's explanation: its {@link PreflightStatus}. */
    static final String STATUS_KEY = "org.stasis.preflight.status"; //$NON-NLS-1$

    private final RestoreChoices choices;
    private final StasisPreferences preferences;
    private Composite items;
    private Label summary;
    private StatusIcons icons;
    private Path checked;
    private PreflightJob running;

    PreflightPage(RestoreChoices choices, StasisPreferences preferences) {
        super("preflight"); //$NON-NLS-1$
        this.choices = choices;
        this.preferences = preferences;
        setTitle(Messages.Preflight_Title);
        setDescription(Messages.Preflight_Description);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        icons = new StatusIcons(area);
        summary = new Label(area, SWT.WRAP);
        summary.setData(WidgetIds.KEY, WidgetIds.RESTORE_PREFLIGHT_SUMMARY);
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(summary);
        Button again = new Button(area, SWT.PUSH);
        again.setText(Messages.Preflight_Again);
        again.addListener(SWT.Selection, e -> start());
        items = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(8, 10).applyTo(items);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).indent(0, 8).applyTo(items);
        setControl(area);
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible && (choices.report.isEmpty() || !choices.image.equals(checked))) {
            start();
        }
    }

    /** Checks choices.image again, from scratch. */
    private void start() {
        if (running != null) {
            running.cancel();
        }
        Path image = choices.image;
        choices.report = Optional.empty();
        setPageComplete(false);
        setErrorMessage(null);
        clearItems();
        summary.setText(NLS.bind(Messages.Preflight_Running, image.getFileName()));
        PreflightJob job = new PreflightJob(image, preferences, getShell().getDisplay(), outcome -> {
            if (!summary.isDisposed() && image.equals(choices.image)) {
                show(image, outcome);
            }
        });
        running = job;
        job.schedule();
    }

    private void show(Path image, PreflightJob.Outcome outcome) {
        running = null;
        checked = image;
        if (outcome.report() == null) {
            summary.setText(""); //$NON-NLS-1$
            setErrorMessage(NLS.bind(Messages.Preflight_Failed, outcome.error()));
            return;
        }
        PreflightReport report = outcome.report();
        choices.report = Optional.of(report);
        choices.terminalFds = outcome.terminalFds();
        choices.rootPid = outcome.rootPid();
        for (PreflightItem item : report.items()) {
            addRow(item);
        }
        summary.setText(switch (report.worst()) {
            case ERROR -> Messages.Preflight_Blocked;
            case WARNING -> Messages.Preflight_Warnings;
            case OK -> Messages.Preflight_AllGood;
        });
        summary.setForeground(icons.color(report.worst()));
        fitShell();
        setPageComplete(!report.blocksRestore());
    }

    /** The items arrive after the dialog took its size: grow it (within the screen) so that none is cut off. */
    private void fitShell() {
        Shell shell = getShell();
        Point wanted = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT, true);
        Point now = shell.getSize();
        Rectangle screen = shell.getMonitor().getClientArea();
        shell.setSize(Math.min(Math.max(wanted.x, now.x), screen.width), Math.min(Math.max(wanted.y, now.y), screen.height));
        shell.layout(true, true);
    }

    private void addRow(PreflightItem item) {
        Label dot = new Label(items, SWT.NONE);
        dot.setImage(icons.image(item.status()));
        dot.setToolTipText(StatusIcons.text(item.status()));
        GridDataFactory.swtDefaults().align(SWT.CENTER, SWT.BEGINNING).applyTo(dot);
        Label title = new Label(items, SWT.NONE);
        title.setText(item.title());
        title.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT));
        title.setForeground(icons.color(item.status()));
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(title);
        Label explanation = new Label(items, SWT.WRAP);
        explanation.setText(item.explanation());
        explanation.setData(WidgetIds.KEY, WidgetIds.RESTORE_PREFLIGHT_PREFIX + item.title());
        explanation.setData(STATUS_KEY, item.status());
        GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(explanation);
    }

    private void clearItems() {
        for (Control c : items.getChildren()) {
            c.dispose();
        }
        summary.setForeground(null);
    }

    @Override
    public void dispose() {
        if (running != null) {
            running.cancel();
        }
        super.dispose();
    }
}
