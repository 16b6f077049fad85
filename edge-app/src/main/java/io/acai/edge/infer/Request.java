package io.acai.edge.infer;

/**
 * A user's request for one inference.
 *
 * @param index         the request number, from 0; the frame it asks about
 * @param enqueuedNanos {@link System#nanoTime()} when it was enqueued
 */
public record Request(long index, long enqueuedNanos) {
}
