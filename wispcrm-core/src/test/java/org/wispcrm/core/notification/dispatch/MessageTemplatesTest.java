package org.wispcrm.core.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.notification.NotificationKind;

class MessageTemplatesTest {
    /** Every value any bundled template may name. */
    private static final Map<String, String> FULL_MODEL = Map.ofEntries(
            Map.entry("invoiceNumber", "FE-000123"),
            Map.entry("creditNoteNumber", "NC-000004"),
            Map.entry("total", "COP 59500.00"),
            Map.entry("amount", "COP 20000.00"),
            Map.entry("balance", "COP 39500.00"),
            Map.entry("creditBalance", "COP 500.00"),
            Map.entry("closingBalance", "COP 0.00"),
            Map.entry("dueDate", "2026-12-10"),
            Map.entry("receivedOn", "2026-11-20"),
            Map.entry("completedOn", "2026-11-21"),
            Map.entry("periodStart", "2026-11-01"),
            Map.entry("periodEnd", "2026-11-30"),
            Map.entry("scheduledFor", "2026-11-25T09:30"),
            Map.entry("technician", "Carlos Pérez"),
            Map.entry("ticketSubject", "Sin señal"),
            Map.entry("comment", "Reiniciamos la antena."));

    private final MessageTemplates templates =
            MessageTemplates.builder().ispName("ConectaLlanos").build();

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void every_kind_renders_in_spanish_and_english(NotificationKind kind) {
        RenderedMessage es = templates.render(kind, Locale.forLanguageTag("es-CO"), FULL_MODEL, "María Núñez");
        RenderedMessage en = templates.render(kind, Locale.forLanguageTag("en-US"), FULL_MODEL, "Mary Smith");

        assertThat(es.subject()).isNotBlank().doesNotContain("{{");
        assertThat(es.text()).startsWith("Hola María Núñez:").doesNotContain("{{");
        assertThat(en.text()).startsWith("Hello Mary Smith,").doesNotContain("{{");
        assertThat(en.subject()).isNotEqualTo(es.subject());
        assertThat(es.html()).contains("<html lang=\"es\">", "<p>Hola María Núñez:</p>", "ConectaLlanos");
    }

    @Test
    void formats_dates_date_times_and_money_for_the_locale() {
        RenderedMessage es =
                templates.render(NotificationKind.ORDER_SCHEDULED, Locale.forLanguageTag("es-CO"), FULL_MODEL, "María");
        // CLDR separates "9:30 a. m." with non-breaking spaces; compare the words.
        assertThat(es.subject().replace('\u00a0', ' ').replace('\u202f', ' '))
                .isEqualTo("Visita técnica programada para el 25 de noviembre de 2026, 9:30 a. m.");

        RenderedMessage usd = templates.render(
                NotificationKind.PAYMENT_RECEIVED,
                Locale.forLanguageTag("en-US"),
                Map.of("amount", "USD 1250.5", "receivedOn", "2026-11-20"),
                "Mary");
        assertThat(usd.text()).contains("We received your payment of $1,250.50 on November 20, 2026.");
        assertThat(usd.text()).as("optional section left out").doesNotContain("credit balance");
    }

    @Test
    void the_payment_link_appears_only_on_messages_that_carry_what_it_names() {
        var withLink = MessageTemplates.builder()
                .ispName("ConectaLlanos")
                .paymentLink("https://pagos.example.co/?factura={{invoiceNumber}}")
                .build();

        RenderedMessage invoice =
                withLink.render(NotificationKind.INVOICE_ISSUED, Locale.forLanguageTag("es-CO"), FULL_MODEL, "Ana");
        RenderedMessage order = withLink.render(
                NotificationKind.ORDER_COMPLETED,
                Locale.forLanguageTag("es-CO"),
                Map.of("completedOn", "2026-11-21"),
                "Ana");

        assertThat(invoice.text()).contains("Puedes pagarla en línea: https://pagos.example.co/?factura=FE-000123");
        assertThat(order.text()).doesNotContain("pagos.example.co").contains("completó la visita");
    }

    @Test
    void a_language_without_templates_falls_back_to_the_default_language() {
        RenderedMessage pt =
                templates.render(NotificationKind.SERVICE_RESTORED, Locale.forLanguageTag("pt-BR"), Map.of(), "João");
        assertThat(pt.subject()).isEqualTo("Tu servicio de internet está activo de nuevo");
    }

    @Test
    void host_templates_in_a_directory_replace_the_bundled_ones(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("service_restored.es.mustache"), "¡Volviste, {{customerName}}!\n\nYa tienes internet.");
        var custom =
                MessageTemplates.builder().ispName("X").overrideDirectory(dir).build();

        RenderedMessage message =
                custom.render(NotificationKind.SERVICE_RESTORED, Locale.forLanguageTag("es"), Map.of(), "Ana");

        assertThat(message.subject()).isEqualTo("¡Volviste, Ana!");
        assertThat(message.text()).isEqualTo("Ya tienes internet.");
        assertThat(custom.render(NotificationKind.SERVICE_RESTORED, Locale.ENGLISH, Map.of(), "Ana")
                        .subject())
                .as("other templates stay bundled")
                .isEqualTo("Your internet service is back");
    }

    @Test
    void host_templates_on_the_classpath_replace_the_bundled_ones() {
        var custom = MessageTemplates.builder()
                .ispName("X")
                .overrideClasspath(getClass().getClassLoader(), "host-templates")
                .build();

        RenderedMessage message =
                custom.render(NotificationKind.SERVICE_SUSPENDED, Locale.forLanguageTag("es"), Map.of(), "Ana");

        assertThat(message.subject()).isEqualTo("Servicio suspendido (plantilla del host)");
    }

    @Test
    void a_template_without_a_body_is_rejected_naming_it(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("service_restored.es.mustache"), "Solo asunto");
        var custom =
                MessageTemplates.builder().ispName("X").overrideDirectory(dir).build();

        assertThatThrownBy(() ->
                        custom.render(NotificationKind.SERVICE_RESTORED, Locale.forLanguageTag("es"), Map.of(), "A"))
                .isInstanceOfSatisfying(WispCrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.violations().get(0).rejectedValue()).isEqualTo("service_restored.es.mustache");
                });
    }

    @Test
    void the_isp_name_is_required() {
        assertThatThrownBy(() -> MessageTemplates.builder().build())
                .isInstanceOf(WispCrmException.class)
                .hasMessageContaining("ispName");
    }
}
