package org.wispcrm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.document.DocumentKey;

class ModelCodecTest {

    @Test
    void modelsWithQuotesEscapesLineBreaksAndAccentsRoundTrip() {
        var model = Map.of(
                "customerName", "José \"Pepe\" Núñez",
                "path", "C:\\facturas\\FE-000042",
                "note", "línea 1\nlínea 2\tfin\r",
                "bell", "\u0007",
                "empty", "");

        String text = ModelCodec.encode(model);

        assertThat(ModelCodec.decode(text)).isEqualTo(model);
        assertThat(text).doesNotContain("\n");
        assertThat(ModelCodec.encode(Map.of())).isEqualTo("{}");
        assertThat(ModelCodec.decode("{}")).isEmpty();
    }

    @Test
    void randomModelsRoundTrip() {
        long seed = System.nanoTime();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        for (int i = 0; i < 500; i++) {
            var model = new java.util.HashMap<String, String>();
            int entries = random.nextInt(6);
            for (int e = 0; e < entries; e++) {
                model.put(randomText(random), randomText(random));
            }
            assertThat(ModelCodec.decode(ModelCodec.encode(model)))
                    .as("seed %d", seed)
                    .isEqualTo(model);
        }
    }

    @Test
    void attachmentKeysRoundTripInOrder() {
        var keys = List.of(DocumentKey.of("invoices", "2026", "11", "FE-000042.pdf"), DocumentKey.of("b.pdf"));

        assertThat(ModelCodec.decodeKeys(ModelCodec.encodeKeys(keys))).containsExactlyElementsOf(keys);
        assertThat(ModelCodec.decodeKeys(ModelCodec.encodeKeys(List.of()))).isEmpty();
    }

    private static String randomText(RandomGenerator random) {
        var text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(0x20AC));
        }
        return text.toString();
    }
}
