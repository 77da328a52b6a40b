package org.wispcrm.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.plan.TaxCategory;

class InvoiceTest {
    static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);

    static Money cop(long amount) {
        return Money.of(amount, "COP");
    }

    static Invoice draft() {
        var line = new InvoiceLine(
                InvoiceLineKind.RECURRING,
                "Hogar 10 Mbps",
                null,
                null,
                BillingPeriod.monthStartingOn(NOV_5),
                BigDecimal.ONE,
                cop(50_000),
                cop(50_000),
                TaxCategory.STANDARD,
                new BigDecimal("0.19"),
                cop(9_500));
        var snapshot = new CustomerSnapshot(
                "C-1",
                "Ana Pérez",
                "1020304050",
                Address.of("Calle 1", "Bogotá", "CO"),
                null,
                null,
                Locale.forLanguageTag("es-CO"));
        return Invoice.draft(
                InvoiceId.newId(),
                CustomerId.newId(),
                snapshot,
                BillingPeriod.monthStartingOn(NOV_5),
                NOV_5,
                NOV_5.plusDays(10),
                Monetary.getCurrency("COP"),
                List.of(line));
    }

    @Test
    void draft_totals_come_from_lines_and_issue_numbers_it() {
        var invoice = draft().issue(new InvoiceNumber("FE", 123));
        assertThat(invoice.number().value()).isEqualTo("FE-000123");
        assertThat(invoice.subtotal()).isEqualTo(cop(50_000));
        assertThat(invoice.taxTotal()).isEqualTo(cop(9_500));
        assertThat(invoice.total()).isEqualTo(cop(59_500));
        assertThat(invoice.balance()).isEqualTo(cop(59_500));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.billingKey()).isEqualTo(invoice.customerId() + "/2026-11-05");
    }

    @Test
    void payments_move_status_and_reversal_reopens() {
        var invoice = draft().issue(new InvoiceNumber("FE", 1));
        var partly = invoice.applyPayment(cop(20_000));
        assertThat(partly.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(partly.balance()).isEqualTo(cop(39_500));
        var paid = partly.applyPayment(cop(39_500));
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.balance()).isEqualTo(cop(0));
        var reopened = paid.reversePayment(cop(39_500));
        assertThat(reopened.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(reopened.lines()).isEqualTo(invoice.lines());
    }

    @Test
    void payment_beyond_balance_or_on_draft_is_refused() {
        var invoice = draft().issue(new InvoiceNumber("FE", 1));
        assertThatThrownBy(() -> invoice.applyPayment(cop(59_501)))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> invoice.applyPayment(Money.of(10, "USD"))).isInstanceOf(WispCrmException.class);
        assertThatThrownBy(() -> draft().applyPayment(cop(1)))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void full_credit_note_voids_and_a_paid_invoice_turns_into_over_credit() {
        var paid = draft().issue(new InvoiceNumber("FE", 1)).applyPayment(cop(59_500));
        var voided = paid.applyCreditNote(cop(59_500));
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.balance()).isEqualTo(cop(0));
        assertThat(voided.overCredit()).isEqualTo(cop(59_500));
        assertThatThrownBy(() -> voided.applyCreditNote(cop(1))).isInstanceOf(WispCrmException.class);
        var partial = draft().issue(new InvoiceNumber("FE", 2)).applyCreditNote(cop(9_500));
        assertThat(partial.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(partial.balance()).isEqualTo(cop(50_000));
        assertThatThrownBy(() -> partial.applyCreditNote(cop(50_001))).isInstanceOf(WispCrmException.class);
    }

    @Test
    void totals_that_do_not_match_the_lines_are_rejected() {
        var ok = draft();
        assertThatThrownBy(() -> new Invoice(
                        ok.id(),
                        null,
                        ok.customerId(),
                        ok.customer(),
                        ok.period(),
                        ok.billingKey(),
                        ok.issueDate(),
                        ok.dueDate(),
                        ok.currency(),
                        ok.lines(),
                        ok.subtotal(),
                        ok.taxTotal(),
                        cop(59_501),
                        ok.amountPaid(),
                        ok.amountCredited(),
                        InvoiceStatus.DRAFT,
                        null,
                        0))
                .isInstanceOfSatisfying(
                        WispCrmException.class,
                        e -> assertThat(e.violations())
                                .anySatisfy(v -> assertThat(v.field()).isEqualTo("total")));
    }

    @Test
    void document_key_only_on_issued_invoices() {
        var key = DocumentKey.of("invoices", "2026", "11", "FE-000001.pdf");
        assertThatThrownBy(() -> draft().attachDocument(key)).isInstanceOf(WispCrmException.class);
        var issued = draft().issue(new InvoiceNumber("FE", 1)).attachDocument(key);
        assertThat(issued.documentKey()).isEqualTo(key);
        assertThat(issued.status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void billing_period_in_the_wrong_order_is_invalid_input() {
        assertThatThrownBy(() -> BillingPeriod.of(NOV_5, NOV_5.minusDays(1)))
                .isInstanceOfSatisfying(WispCrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("2026-11-05..2026-11-04");
                });
        assertThat(BillingPeriod.monthStartingOn(LocalDate.of(2026, 2, 5)).days())
                .isEqualTo(28);
        assertThat(InvoiceNumber.parse("NC-000007")).isEqualTo(new InvoiceNumber("NC", 7));
    }

    @Test
    void invoice_numbers_print_at_least_six_digits_and_parse_back() {
        assertThat(new InvoiceNumber("FE", 1).value()).isEqualTo("FE-000001");
        assertThat(new InvoiceNumber("FE", 123_456).value()).isEqualTo("FE-123456");
        assertThat(new InvoiceNumber("E2", 1_234_567).value()).isEqualTo("E2-1234567");
        assertThat(new InvoiceNumber("FE", Long.MAX_VALUE).value()).isEqualTo("FE-" + Long.MAX_VALUE);
        for (long sequence : new long[] {1, 9, 10, 99_999, 100_000, 999_999, 1_000_000}) {
            var number = new InvoiceNumber("FE", sequence);
            assertThat(InvoiceNumber.parse(number.value())).isEqualTo(number);
        }
    }
}
