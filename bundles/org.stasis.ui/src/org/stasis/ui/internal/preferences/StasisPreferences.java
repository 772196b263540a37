package org.stasis.ui.internal.preferences;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.stasis.core.engine.StasisEngine;
import org.stasis.nativelib.NativeLocator;

/**
 * The workbench's settings: where checkpoints go, the default options of checkpoint and restore,
 * and which `stasis` helper runs them. Stored in the instance scope of org.stasis.ui.
 */
@SuppressWarnings("nls") // preference keys
public final class StasisPreferences {

    public static final String NODE = "org.stasis.ui";
    public static final String CHECKPOINT_FOLDER = "checkpointFolder";
    public static final String STOP_AFTER_CHECKPOINT = "stopAfterCheckpoint";
    public static final String RESTORE_IN_PID_NAMESPACE = "restoreInPidNamespace";
    public static final String HELPER_PATH = "helperPath";

    private final IEclipsePreferences node;

    /** The workbench's own settings. */
    public StasisPreferences() {
        this(InstanceScope.INSTANCE.getNode(NODE));
    }

    /** Settings kept in another node, for tests. */
    public StasisPreferences(IEclipsePreferences node) {
        this.node = node;
    }

    /** @return where new checkpoints go, and the first folder the Checkpoints view lists */
    public Path checkpointFolder() {
        String folder = node.get(CHECKPOINT_FOLDER, "");
        return folder.isBlank() ? defaultCheckpointFolder() : Path.of(folder);
    }

    public void setCheckpointFolder(Path folder) {
        node.put(CHECKPOINT_FOLDER, folder.toString());
    }

    /** ~/stasis-checkpoints: visible, and outside any build or temporary directory. */
    public static Path defaultCheckpointFolder() {
        return Path.of(System.getProperty("user.home"), "stasis-checkpoints");
    }

    /** @return checkpoints stop the tree afterwards (instead of leaving it running) unless changed in the dialog */
    public boolean stopAfterCheckpoint() {
        return node.getBoolean(STOP_AFTER_CHECKPOINT, false);
    }

    public void setStopAfterCheckpoint(boolean stop) {
        node.putBoolean(STOP_AFTER_CHECKPOINT, stop);
    }

    /** @return restores use a new PID namespace even when the original pids are free */
    public boolean restoreInPidNamespace() {
        return node.getBoolean(RESTORE_IN_PID_NAMESPACE, false);
    }

    public void setRestoreInPidNamespace(boolean pidNamespace) {
        node.putBoolean(RESTORE_IN_PID_NAMESPACE, pidNamespace);
    }

    /** @return the helper chosen by the user; empty for the one Stasis ships */
    public Optional<Path> helperOverride() {
        String path = node.get(HELPER_PATH, "");
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    public void setHelperOverride(Optional<Path> helper) {
        if (helper.isPresent()) {
            node.put(HELPER_PATH, helper.get().toString());
        } else {
            node.remove(HELPER_PATH);
        }
    }

    /**
     * @return the helper that runs checkpoints: the user's choice, else -Dstasis.helper or
     *         STASIS_HELPER, else the one in the platform fragment
     * @throws IOException when none of them exists
     */
    public Path helper() throws IOException {
        Optional<Path> chosen = helperOverride();
        return chosen.isPresent() ? chosen.get() : NativeLocator.fromRuntime().helper();
    }

    /** @return the engine client for {@link #helper()} */
    public StasisEngine engine() throws IOException {
        return new StasisEngine(helper());
    }

    /** Writes the settings to disk, so that a crash does not lose them. */
    public void save() throws BackingStoreException {
        node.flush();
    }

    public void addChangeListener(IEclipsePreferences.IPreferenceChangeListener listener) {
        node.addPreferenceChangeListener(listener);
    }

    public void removeChangeListener(IEclipsePreferences.IPreferenceChangeListener listener) {
        node.removePreferenceChangeListener(listener);
    }
}
