package org.stasis.model.internal;

import java.util.HashMap;
import java.util.Map;

import org.stasis.model.FileDescriptor;
import org.stasis.model.FileKind;
import org.stasis.model.Image;
import org.stasis.model.OpenFile;
import org.stasis.model.Pipe;
import org.stasis.model.Process;

/**
 * Open files, pipes and descriptors. The image stores each open file description once and each
 * descriptor by the description's id; this resolves the ids into references, so the model shows which
 * processes share an offset and which hold the ends of a pipe.
 */
public final class FileConverter {

    private final Map<Long, OpenFile> files = new HashMap<>();
    private final Map<Long, Pipe> pipes = new HashMap<>();

    /** Adds the image's pipes and open files to image. */
    public FileConverter(org.stasis.image.proto.Image message, Image image) {
        for (org.stasis.image.proto.Pipe from : message.getPipesList()) {
            Pipe pipe = new Pipe();
            pipe.setPipeId(from.getId());
            pipe.setBufferedBytes(from.getData().size());
            pipe.setCapacity(from.getCapacity());
            pipe.setFifoPath(from.getFifoPath());
            image.getPipes().add(pipe);
            pipes.putIfAbsent(Long.valueOf(from.getId()), pipe);
        }
        for (org.stasis.image.proto.OpenFile from : message.getFilesList()) {
            OpenFile file = convert(from);
            image.getFiles().add(file);
            files.putIfAbsent(Long.valueOf(from.getId()), file);
        }
    }

    private OpenFile convert(org.stasis.image.proto.OpenFile from) {
        OpenFile file = new OpenFile();
        file.setFileId(from.getId());
        file.setKind(kind(from.getKind()));
        file.setPath(from.getPath());
        file.setFlags(from.getFlags());
        file.setFlagsText(FileFlags.decode(from.getFlags()));
        file.setOffset(from.getPos());
        file.setSize(from.getSize());
        file.setMode(from.getMode());
        if (from.hasPipeId()) {
            Pipe pipe = pipes.get(Long.valueOf(from.getPipeId()));
            if (pipe != null) {
                file.setPipe(pipe);
            }
        }
        return file;
    }

    /**
     * Adds the descriptors of one process, each pointing at its open file; a descriptor whose file id
     * is not in the image keeps no file rather than failing the whole image.
     */
    public void addDescriptors(org.stasis.image.proto.Process from, Process to) {
        for (org.stasis.image.proto.FileDescriptor fd : from.getFdsList()) {
            FileDescriptor descriptor = new FileDescriptor();
            descriptor.setFd(fd.getFd());
            descriptor.setCloexec(fd.getCloexec());
            to.getFds().add(descriptor);
            OpenFile file = files.get(Long.valueOf(fd.getFileId()));
            if (file != null) {
                descriptor.setFile(file);
                file.getPipe().ifPresent(pipe -> hold(pipe, file.getFlags(), to));
            }
        }
    }

    /** The access mode says which end a descriptor is; lists are unique, so add() skips repeats. */
    private static void hold(Pipe pipe, int flags, Process holder) {
        if (FileFlags.reads(flags)) {
            pipe.getReaders().add(holder);
        }
        if (FileFlags.writes(flags)) {
            pipe.getWriters().add(holder);
        }
    }

    private static FileKind kind(org.stasis.image.proto.FileKind kind) {
        return switch (kind) {
            case FILE_REGULAR -> FileKind.REGULAR;
            case FILE_DIRECTORY -> FileKind.DIRECTORY;
            case FILE_CHARDEV -> FileKind.CHARDEV;
            case FILE_PIPE -> FileKind.PIPE;
            case FILE_FIFO -> FileKind.FIFO;
            case FILE_TTY -> FileKind.TTY;
        };
    }
}
