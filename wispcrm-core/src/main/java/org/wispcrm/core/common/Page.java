package org.wispcrm.core.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a result, with the total count for pagers.
 *
 * @param items the rows of this page
 * @param request the request that produced it
 * @param totalItems the number of rows in the whole result
 * @param <T> row type
 */
public record Page<T>(List<T> items, PageRequest request, long totalItems) {

    /** Copies the rows so the page is immutable. */
    public Page {
        items = List.copyOf(items);
    }

    /** Cuts the page a request asks for out of a fully sorted list (used by in-memory adapters). */
    public static <T> Page<T> of(List<T> sorted, PageRequest request) {
        int from = (int) Math.min(request.offset(), sorted.size());
        int to = Math.min(from + request.size(), sorted.size());
        return new Page<>(sorted.subList(from, to), request, sorted.size());
    }

    /** The number of pages in the whole result. */
    public long totalPages() {
        return (totalItems + request.size() - 1) / request.size();
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return request.offset() + items.size() < totalItems;
    }

    /** The same page with each row converted. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), request, totalItems);
    }
}
