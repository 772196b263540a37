package org.stasis.model;

import java.util.HashMap;
import java.util.Map;

import org.stasis.model.internal.FileConverter;
import org.stasis.model.internal.ProcessConverter;

/**
 * Fills the model from an image's metadata message. Pure logic with no Eclipse UI, so that it is
 * tested headless and the command line can reuse it.
 */
public final class ImageModels {

    private ImageModels() {
    }

    /**
     * @param message the META section of an image, as read by org.stasis.image
     * @param header facts from the file header that the message does not carry
     * @return a new model of the image: the process tree by ppid, with threads, memory areas, open
     *         files resolved from their descriptors, pipes with their holders, and decoded names
     */
    public static Image toModel(org.stasis.image.proto.Image message, HeaderFacts header) {
        Image image = new Image();
        image.setImageId(header.imageId());
        image.setParentImageId(header.parentImageId());
        image.setFormatVersion(header.formatVersion());
        image.setFileSize(header.fileSize());
        image.setStasisVersion(message.getStasisVersion());
        image.setCreatedUnixNs(message.getCreatedUnixNs());
        image.setHostname(message.getHostname());
        image.setKernelRelease(message.getKernelRelease());
        image.setKernelVersion(message.getKernelVersion());
        image.setArch(message.getArch());
        image.setRootPid(message.getRootPid());
        image.setPagesSectionBytes(message.getPagesSectionBytes());
        image.setFreezeNs(message.getFreezeNs());
        image.setKilledAfterDump(message.getKilledAfterDump());

        // files and pipes first: every process's descriptors resolve against them
        ProcessConverter processes = new ProcessConverter(new FileConverter(message, image));
        for (org.stasis.image.proto.Process process : message.getProcessesList()) {
            image.getProcesses().add(processes.convert(process));
        }
        linkTree(image);
        return image;
    }

    /**
     * Parents by ppid; a process whose parent was not dumped stays a root, and so does one whose
     * ppid would close a loop (only a corrupt image has one, and a loop would hang every tree view).
     */
    private static void linkTree(Image image) {
        Map<Integer, Process> byPid = new HashMap<>();
        for (Process process : image.getProcesses()) {
            byPid.putIfAbsent(Integer.valueOf(process.getPid()), process);
        }
        for (Process process : image.getProcesses()) {
            Process parent = byPid.get(Integer.valueOf(process.getPpid()));
            if (parent != null && !isAncestor(process, parent)) {
                process.setParent(parent);
            }
        }
    }

    private static boolean isAncestor(Process candidate, Process of) {
        for (Process p = of; p != null; p = p.getParent().orElse(null)) {
            if (p == candidate) {
                return true;
            }
        }
        return false;
    }
}
