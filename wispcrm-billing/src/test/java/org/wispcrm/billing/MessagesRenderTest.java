package org.wispcrm.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.billing.BillingWorld.cop;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.notification.dispatch.MessageTemplates;
import org.wispcrm.core.plan.TaxCategory;

/** Every message billing enqueues renders with the bundled templates, amounts formatted for the customer. */
class MessagesRenderTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    @Test
    void billing_messages_render_in_spanish_with_formatted_amounts() {
        var world = new BillingWorld(
                BillingPolicy.builder().suspendAfterDaysOverdue(15).build(), OCT_1);
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);
        world.runOn(OCT_1);
        world.dunOn(LocalDate.of(2026, 10, 9));
        world.dunOn(LocalDate.of(2026, 10, 26));
        world.pay(ana, cop("100000"), "TRF-1", LocalDate.of(2026, 10, 27));
        world.clock.today(LocalDate.of(2026, 10, 28));
        world.billing
                .creditNotes()
                .credit(InvoiceNumber.parse("FE-000001"), cop("1000"), TaxCategory.EXEMPT, "Ajuste", "Ajuste");

        var templates = MessageTemplates.builder().ispName("ConectaLlanos").build();
        var kinds = EnumSet.noneOf(NotificationKind.class);
        for (var message : world.store
                .outbox()
                .findByStatus(NotificationStatus.PENDING, PageRequest.first(100))
                .items()) {
            var rendered =
                    templates.render(message.kind(), Locale.forLanguageTag("es-CO"), message.model(), "Ana Gómez");
            kinds.add(message.kind());
            if (message.kind() == NotificationKind.INVOICE_ISSUED) {
                assertThat(rendered.text()).contains("FE-000001").contains("77.350");
            }
            if (message.kind() == NotificationKind.PAYMENT_RECEIVED) {
                assertThat(rendered.text()).contains("100.000").contains("22.650");
            }
        }
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        NotificationKind.INVOICE_ISSUED,
                        NotificationKind.PAYMENT_REMINDER,
                        NotificationKind.OVERDUE_NOTICE,
                        NotificationKind.SERVICE_SUSPENDED,
                        NotificationKind.PAYMENT_RECEIVED,
                        NotificationKind.SERVICE_RESTORED,
                        NotificationKind.CREDIT_NOTE_ISSUED);
    }
}
