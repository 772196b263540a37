package org.stasis.ui.internal.checkpoints;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Watches the checkpoint folders with the kernel's inotify (java.nio WatchService) and says when an
 * image appeared, changed or disappeared. A finished image appears by the engine's rename of its
 * temporary file, which the watch reports as the creation of the final name. Folders that do not
 * exist yet are looked for again every few seconds. Runs until canceled.
 */
final class FolderWatchJob extends Job {

    /** How long one wait for events lasts: the bound on how late a cancel is noticed. */
    private static final long POLL_MS = 250;
    /** How often folders are registered again, so that one created later is watched too. */
    private static final long REGISTER_MS = 2000;

    private final Supplier<List<Path>> folders;
    private final Runnable changed;

    /**
     * @param folders the folders to watch, asked again from time to time (any thread)
     * @param changed called on this Job's thread when the images of a folder changed
     */
    FolderWatchJob(Supplier<List<Path>> folders, Runnable changed) {
        super("Checkpoint folder watch"); //$NON-NLS-1$
        this.folders = folders;
        this.changed = changed;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            Set<Path> watched = new HashSet<>();
            long nextRegister = 0;
            while (!monitor.isCanceled()) {
                boolean images = false;
                if (System.currentTimeMillis() >= nextRegister) {
                    images = register(watcher, watched); // a folder that appeared may hold images already
                    nextRegister = System.currentTimeMillis() + REGISTER_MS;
                }
                WatchKey key = watcher.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    images |= concernsImages(key);
                    if (!key.reset()) {
                        watched.remove((Path) key.watchable()); // the folder was deleted
                        images = true;
                    }
                }
                if (images) {
                    changed.run();
                }
            }
            return Status.CANCEL_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } catch (IOException | ClosedWatchServiceException e) {
            return Status.error("cannot watch the checkpoint folders: " + e.getMessage(), e); //$NON-NLS-1$
        }
    }

    /** @return a folder was newly registered */
    private boolean register(WatchService watcher, Set<Path> watched) throws IOException {
        boolean added = false;
        for (Path folder : folders.get()) {
            if (!watched.contains(folder) && Files.isDirectory(folder)) {
                folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                watched.add(folder);
                added = true;
            }
        }
        return added;
    }

    /** Temporary files come and go during every dump: only image names matter. */
    private static boolean concernsImages(WatchKey key) {
        boolean images = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                images = true; // events were lost: look at everything again
            } else if (event.context() instanceof Path name && CheckpointFiles.isImageName(name.toString())) {
                images = true;
            }
        }
        return images;
    }
}
