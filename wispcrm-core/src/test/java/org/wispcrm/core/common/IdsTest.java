package org.wispcrm.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void new_ids_are_uuid_version_7_with_the_rfc_variant_and_the_current_millisecond() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newUuidV7();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        long stamped = id.getMostSignificantBits() >>> 16;
        assertThat(stamped).isBetween(before, after);
    }

    @Test
    void ids_from_later_milliseconds_sort_after_earlier_ones() {
        UUID earlier = Ids.uuidV7(1_767_225_600_000L);
        UUID later = Ids.uuidV7(1_767_225_600_001L);

        assertThat(Ids.ORDER.compare(earlier, later)).isNegative();
        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    void the_order_is_the_order_of_the_text_form_where_uuid_compareTo_is_not() {
        long seed = System.nanoTime();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }

        List<UUID> byOrder = ids.stream().sorted(Ids.ORDER).toList();
        List<UUID> byText =
                ids.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        List<UUID> byCompareTo = ids.stream().sorted().toList();

        assertThat(byOrder).as("seed %d", seed).isEqualTo(byText);
        assertThat(byCompareTo).as("seed %d", seed).isNotEqualTo(byText);
    }

    @Test
    void the_high_bit_sorts_last_as_in_postgresql() {
        UUID low = UUID.fromString("7fffffff-ffff-7fff-bfff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-7000-8000-000000000000");

        assertThat(Ids.ORDER.compare(low, high)).isNegative();
        assertThat(low.compareTo(high)).as("UUID.compareTo is signed").isPositive();
    }

    @Test
    void parse_reports_a_bad_id_as_invalid_input_of_the_field() {
        var e = catchThrowableOfType(WispCrmException.class, () -> CustomerId.of("not-a-uuid"));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("customerId");
        UUID id = Ids.newUuidV7();
        assertThat(CustomerId.of(id.toString()).value()).isEqualTo(id);
    }

    @Test
    void ids_made_one_after_another_sort_in_creation_order_even_within_a_millisecond() {
        List<UUID> made = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(Ids.newUuidV7());
        }
        assertThat(made).isSortedAccordingTo(Ids.ORDER).doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    }
}
