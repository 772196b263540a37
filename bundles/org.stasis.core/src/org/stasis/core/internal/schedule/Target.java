package org.stasis.core.internal.schedule;

/**
 * The process a schedule checkpoints, as found right now.
 *
 * @param pid      root of the tree to dump
 * @param rssBytes resident memory of the whole tree: what an image will roughly take
 */
public record Target(int pid, long rssBytes) {
}
