package org.stasis.model.internal;

import org.stasis.image.proto.PageRun;
import org.stasis.model.Process;
import org.stasis.model.Vma;
import org.stasis.model.VmaKind;

/** Memory areas of a process, with their protection decoded and their stored pages counted. */
final class MemoryConverter {

    private MemoryConverter() {
    }

    static void addVmas(org.stasis.image.proto.MmState mm, Process to) {
        for (org.stasis.image.proto.Vma from : mm.getVmasList()) {
            to.getVmas().add(convert(from));
        }
    }

    private static Vma convert(org.stasis.image.proto.Vma from) {
        Vma vma = new Vma();
        VmaKind kind = kind(from.getKind());
        vma.setStart(from.getStart());
        vma.setEnd(from.getEnd());
        vma.setSize(from.getEnd() - from.getStart());
        vma.setProt(from.getProt());
        vma.setFlags(from.getFlags());
        vma.setKind(kind);
        vma.setProtText(Mappings.protection(from.getProt(), from.getFlags(), kind));
        vma.setFlagsText(Mappings.flags(from.getFlags()));
        vma.setName(from.getName());
        vma.setPath(from.getPath());
        vma.setFileOffset(from.getPgoff());
        vma.setPagesStored(from.getPagesList().stream().mapToLong(PageRun::getCount).sum());
        vma.setPagesResident(from.getPagesResident());
        vma.setSharedId(from.getShmemId());
        return vma;
    }

    private static VmaKind kind(org.stasis.image.proto.VmaKind kind) {
        return switch (kind) {
            case VMA_ANON_PRIVATE -> VmaKind.ANON_PRIVATE;
            case VMA_ANON_SHARED -> VmaKind.ANON_SHARED;
            case VMA_FILE_PRIVATE -> VmaKind.FILE_PRIVATE;
            case VMA_FILE_SHARED -> VmaKind.FILE_SHARED;
            case VMA_VDSO -> VmaKind.VDSO;
            case VMA_VVAR -> VmaKind.VVAR;
        };
    }
}
