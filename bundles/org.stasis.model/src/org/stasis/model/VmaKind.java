package org.stasis.model;

/** What backs a memory area, which decides what the image stores of it. */
public enum VmaKind implements ModelEnum {
    /** heap, stack, malloc arenas: pages stored */
    ANON_PRIVATE,
    /** shared anonymous memory, possibly shared by several processes of the tree */
    ANON_SHARED,
    /** private file mapping: clean pages re-mapped from the file, dirty ones stored */
    FILE_PRIVATE,
    /** shared file mapping: the contents live in the file */
    FILE_SHARED,
    /** [vdso]: moved to its old address, never stored */
    VDSO,
    /** [vvar] and [vvar_vclock]: moved with the vDSO */
    VVAR
}
