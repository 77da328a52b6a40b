package org.wispcrm.core.common;

/**
 * Which page of a result to return.
 *
 * @param page zero-based page index
 * @param size rows per page, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {
    /** The largest page a repository returns in one call. */
    public static final int MAX_SIZE = 1000;

    /** Validates the bounds. */
    public PageRequest {
        var violations = new Violations();
        violations.require(page >= 0, "page", page, "must be zero or more");
        violations.require(size >= 1 && size <= MAX_SIZE, "size", size, "must be between 1 and " + MAX_SIZE);
        violations.throwIfAny();
    }

    /** The first page of the given size. */
    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    /** The page after this one. */
    public PageRequest next() {
        return new PageRequest(page + 1, size);
    }

    /** The index of the first row of this page. */
    public long offset() {
        return (long) page * size;
    }
}
