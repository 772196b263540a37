package org.stasis.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.Image;
import org.stasis.model.ImageModels;
import org.stasis.model.ModelResources;
import org.stasis.model.OpenFile;
import org.stasis.model.Process;
import org.stasis.model.VmaKind;

/** Schedules are persisted as XMI, and image models may be: both must come back equal and typed. */
@SuppressWarnings("nls")
class PersistenceTest {

    @TempDir
    Path dir;

    @Test
    void imageModelRoundTrip() throws IOException {
        Image image = ImageModels.toModel(SampleImage.message(), SampleImage.HEADER);
        Image expected = EcoreUtil.copy(image);
        Path file = dir.resolve("image.xmi");
        ModelResources.save(image, file);

        Image loaded = ModelResources.load(file, Image.class);
        assertNotSame(image, loaded);
        assertTrue(EcoreUtil.equals(expected, loaded), "every attribute and reference survives");

        Process shell = loaded.findProcess(100).orElseThrow();
        Process sim = loaded.findProcess(101).orElseThrow();
        assertEquals(List.of("HOME=/root", "BELL=\u0007"), shell.getEnvironment(), "control characters survive (XML 1.1)");
        assertSame(shell, sim.getParent().orElseThrow());
        OpenFile log = shell.findFd(2).orElseThrow().getFile().orElseThrow();
        assertSame(log, sim.findFd(2).orElseThrow().getFile().orElseThrow());
        assertEquals(List.of(shell), loaded.getPipes().get(0).getWriters());
        assertEquals(VmaKind.FILE_PRIVATE, shell.getVmas().get(0).getKind());
        assertEquals(-1L, shell.getRlimits().get(1).getHard());
    }

    @Test
    void scheduleRoundTrip() throws IOException {
        CheckpointSchedule schedule = new CheckpointSchedule();
        schedule.setName("nightly sim");
        schedule.setCommandPattern("^./sim\\b.*<&>\"");
        schedule.setUser("alice");
        schedule.setCronExpression("0 2 * * *");
        schedule.setFolder("/srv/checkpoints/sim");
        schedule.setKeepLast(3);
        schedule.setHourlyForHours(24);
        schedule.setDailyForDays(7);
        schedule.setEnabled(true);
        CheckpointSchedule expected = EcoreUtil.copy(schedule);
        Path file = dir.resolve("schedule.xmi");
        ModelResources.save(schedule, file);
        ModelResources.save(schedule, file); // replacing an existing file

        CheckpointSchedule loaded = ModelResources.load(file, CheckpointSchedule.class);
        assertTrue(EcoreUtil.equals(expected, loaded));
        assertEquals("^./sim\\b.*<&>\"", loaded.getCommandPattern());
        assertEquals(0, loaded.getTargetPid());
        assertEquals(0, loaded.getIntervalSeconds());
        assertTrue(loaded.isEnabled());
        assertEquals(1, Files.list(dir).count(), "no temporary file left behind");
    }

    @Test
    void loadRefusesOtherContent() throws IOException {
        Path schedule = dir.resolve("schedule.xmi");
        ModelResources.save(new CheckpointSchedule(), schedule);
        assertThrows(IOException.class, () -> ModelResources.load(schedule, Image.class));
        Path garbage = Files.writeString(dir.resolve("garbage.xmi"), "<not-xmi");
        assertThrows(IOException.class, () -> ModelResources.load(garbage, CheckpointSchedule.class));
    }
}
