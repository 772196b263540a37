package org.stasis.ui.internal.checkpoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The folders the Checkpoints view lists: the checkpoint folder of the preferences first, then the
 * folders the user added, kept in the part's persisted state so they survive a restart.
 */
final class CheckpointFolders {

    /** Persisted-state key: the added folders, one per line. */
    static final String KEY = "org.stasis.checkpoints.folders"; //$NON-NLS-1$

    private final Map<String, String> state;

    CheckpointFolders(Map<String, String> persistedState) {
        this.state = persistedState;
    }

    /** @return the preferences' folder, then the added ones, without repeats */
    List<Path> all(Path preferred) {
        List<Path> folders = new ArrayList<>();
        folders.add(preferred.toAbsolutePath().normalize());
        for (Path p : added()) {
            if (!folders.contains(p)) {
                folders.add(p);
            }
        }
        return folders;
    }

    List<Path> added() {
        String value = state.getOrDefault(KEY, ""); //$NON-NLS-1$
        return Arrays.stream(value.split("\n")).filter(s -> !s.isBlank()) //$NON-NLS-1$
                .map(s -> Path.of(s).toAbsolutePath().normalize()).distinct().toList();
    }

    void add(Path folder) {
        List<Path> folders = new ArrayList<>(added());
        Path normal = folder.toAbsolutePath().normalize();
        if (!folders.contains(normal)) {
            folders.add(normal);
            store(folders);
        }
    }

    void remove(Path folder) {
        List<Path> folders = new ArrayList<>(added());
        folders.remove(folder.toAbsolutePath().normalize());
        store(folders);
    }

    private void store(List<Path> folders) {
        state.put(KEY, String.join("\n", folders.stream().map(Path::toString).toList())); //$NON-NLS-1$
    }
}
