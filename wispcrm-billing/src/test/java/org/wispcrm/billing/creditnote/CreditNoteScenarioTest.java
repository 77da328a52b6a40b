package org.wispcrm.billing.creditnote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.plain;
import static org.wispcrm.billing.BillingWorld.summary;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.payment.CustomerCredit;
import org.wispcrm.core.plan.TaxCategory;

/** Credit notes: cancel an invoice fully or partly, never by editing it; the amount returns as balance or credit. */
class CreditNoteScenarioTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT_3 = LocalDate.of(2026, 10, 3);
    static final InvoiceNumber FE_1 = InvoiceNumber.parse("FE-000001");

    BillingWorld world = new BillingWorld(BillingPolicy.defaults(), OCT_1);
    Customer ana = world.customer("Ana Gómez");

    CreditNoteScenarioTest() {
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);
        world.runOn(OCT_1);
        world.clock.today(OCT_3);
    }

    @Test
    void voiding_an_unpaid_invoice_mirrors_its_lines_and_leaves_it_void() {
        var original = world.invoice("FE-000001");

        var note = world.billing.creditNotes().voidInvoice(FE_1, "Servicio nunca instalado");

        assertThat(note.number().value()).isEqualTo("NC-000001");
        assertThat(note.invoiceNumber()).isEqualTo(FE_1);
        assertThat(note.lines()).isEqualTo(original.lines());
        assertThat(plain(note.total())).isEqualTo("77350.00");
        assertThat(note.voidsInvoice()).isTrue();
        assertThat(note.issueDate()).isEqualTo(OCT_3);
        var voided = world.invoice("FE-000001");
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(plain(voided.balance())).isEqualTo("0.00");
        assertThat(voided.lines()).isEqualTo(original.lines());
        assertThat(plain(world.creditOf(ana))).isEqualTo("0.00");
        var message = world.store
                .outbox()
                .findByIdempotencyKey("credit-note-issued:NC-000001")
                .orElseThrow();
        assertThat(message.kind()).isEqualTo(NotificationKind.CREDIT_NOTE_ISSUED);
        assertThat(message.attachments())
                .extracting(Object::toString)
                .containsExactly("credit-notes/2026/10/NC-000001.pdf");
    }

    @Test
    void voiding_a_paid_invoice_turns_the_payment_into_credit_for_the_next_invoice() {
        world.pay(ana, cop("77350"), "TRF-1", OCT_3);

        world.billing.creditNotes().voidInvoice(FE_1, "Cobro duplicado");
        world.runOn(LocalDate.of(2026, 11, 1));

        assertThat(world.invoice("FE-000001").status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(summary(world.invoice("FE-000002")))
                .containsExactly("RECURRING 65000.00 12350.00", "CREDIT_APPLIED -77350.00 0.00");
        assertThat(world.invoice("FE-000002").status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void voiding_an_invoice_paid_with_credit_gives_the_credit_back() {
        world.store
                .customerCredits()
                .save(CustomerCredit.none(ana.id(), cop("0").getCurrency()).add(cop("50000")));
        world.runOn(LocalDate.of(2026, 11, 1)); // FE-000002: 77,350 less 50,000 credit

        var note = world.billing.creditNotes().voidInvoice(InvoiceNumber.parse("FE-000002"), "Error de plan");

        assertThat(plain(note.total())).isEqualTo("27350.00");
        assertThat(plain(world.creditOf(ana))).isEqualTo("50000.00");
    }

    @Test
    void a_partial_credit_note_reduces_the_balance_with_its_tax() {
        var note = world.billing
                .creditNotes()
                .credit(
                        FE_1,
                        cop("10000"),
                        TaxCategory.STANDARD,
                        "Compensación por 5 días sin servicio",
                        "Falla en torre");

        assertThat(summary(note.lines().get(0))).isEqualTo("ONE_TIME_CHARGE 10000.00 1900.00");
        assertThat(plain(note.total())).isEqualTo("11900.00");
        assertThat(note.voidsInvoice()).isFalse();
        var invoice = world.invoice("FE-000001");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(plain(invoice.balance())).isEqualTo("65450.00");
        assertThat(plain(invoice.amountCredited())).isEqualTo("11900.00");
    }

    @Test
    void credit_note_numbers_have_their_own_gap_free_series() {
        world.billing.creditNotes().credit(FE_1, cop("1000"), TaxCategory.EXEMPT, "Ajuste", "Ajuste");
        world.runOn(LocalDate.of(2026, 11, 1));
        var second = world.billing.creditNotes().credit(FE_1, cop("2000"), TaxCategory.EXEMPT, "Ajuste", "Ajuste");

        assertThat(second.number().value()).isEqualTo("NC-000002");
        assertThat(world.invoice("FE-000002").number().value()).isEqualTo("FE-000002");
        assertThat(world.store
                        .creditNotes()
                        .findByInvoice(world.invoice("FE-000001").id()))
                .hasSize(2);
    }

    @Test
    void crediting_beyond_the_invoice_or_voiding_twice_fails_and_changes_nothing() {
        var before = world.invoice("FE-000001");

        assertThatThrownBy(() ->
                        world.billing.creditNotes().credit(FE_1, cop("70000"), TaxCategory.STANDARD, "Demasiado", "x"))
                .isInstanceOfSatisfying(WispCrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("COP 83300").contains("COP 77350");
                });
        assertThatThrownBy(() -> world.billing.creditNotes().credit(FE_1, cop("0"), TaxCategory.STANDARD, "Cero", "x"))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThat(world.invoice("FE-000001")).isEqualTo(before);
        assertThat(world.store.invoiceNumbers().current("NC")).isZero();

        world.billing.creditNotes().voidInvoice(FE_1, "Anulada");
        assertThatThrownBy(() -> world.billing.creditNotes().voidInvoice(FE_1, "Otra vez"))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        assertThatThrownBy(() -> world.billing.creditNotes().voidInvoice(InvoiceNumber.parse("FE-000099"), "x"))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(world.store.invoiceNumbers().current("NC")).isEqualTo(1);
    }
}
