package org.wispcrm.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {
    private final List<Integer> seven = IntStream.rangeClosed(1, 7).boxed().toList();

    @Test
    void a_request_names_every_bad_bound_at_once() {
        var e = catchThrowableOfType(WispCrmException.class, () -> new PageRequest(-1, 0));

        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("page", "size");
    }

    @Test
    void size_runs_from_one_to_the_maximum() {
        assertThat(new PageRequest(0, 1).size()).isEqualTo(1);
        assertThat(new PageRequest(0, PageRequest.MAX_SIZE).size()).isEqualTo(1000);
        var e = catchThrowableOfType(WispCrmException.class, () -> PageRequest.first(PageRequest.MAX_SIZE + 1));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("size");
            assertThat(v.rejectedValue()).isEqualTo(1001);
        });
    }

    @Test
    void offsets_do_not_overflow() {
        assertThat(new PageRequest(Integer.MAX_VALUE, 1000).offset()).isEqualTo(2_147_483_647_000L);
    }

    @Test
    void cuts_pages_out_of_a_sorted_list() {
        Page<Integer> first = Page.of(seven, PageRequest.first(3));
        Page<Integer> last = Page.of(seven, PageRequest.first(3).next().next());

        assertThat(first.items()).containsExactly(1, 2, 3);
        assertThat(first.totalItems()).isEqualTo(7);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(last.items()).containsExactly(7);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void a_page_past_the_end_is_empty_but_knows_the_total() {
        Page<Integer> beyond = Page.of(seven, new PageRequest(5, 3));

        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalItems()).isEqualTo(7);
        assertThat(beyond.hasNext()).isFalse();
        assertThat(Page.of(List.<Integer>of(), PageRequest.first(10)).totalPages())
                .isZero();
    }

    @Test
    void a_full_last_page_has_no_next() {
        Page<Integer> exact = Page.of(seven.subList(0, 6), PageRequest.first(3).next());
        assertThat(exact.items()).containsExactly(4, 5, 6);
        assertThat(exact.hasNext()).isFalse();
        assertThat(exact.totalPages()).isEqualTo(2);
    }

    @Test
    void maps_rows_keeping_the_request_and_total() {
        Page<String> mapped = Page.of(seven, PageRequest.first(2)).map(i -> "#" + i);

        assertThat(mapped.items()).containsExactly("#1", "#2");
        assertThat(mapped.totalItems()).isEqualTo(7);
        assertThat(mapped.request()).isEqualTo(PageRequest.first(2));
    }

    @Test
    void pages_are_immutable_copies() {
        var rows = new java.util.ArrayList<>(List.of(1, 2));
        Page<Integer> page = new Page<>(rows, PageRequest.first(5), 2);
        rows.add(3);

        assertThat(page.items()).containsExactly(1, 2);
    }
}
