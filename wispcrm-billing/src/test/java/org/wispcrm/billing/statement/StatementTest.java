package org.wispcrm.billing.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.plain;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.policy.LateFee;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.plan.TaxCategory;

/** Account statements: opening balance, documents with running balance, totals, closing balance. */
class StatementTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    BillingWorld world = new BillingWorld(
            BillingPolicy.builder()
                    .lateFee(LateFee.fixed(cop("5000")))
                    .suspendAfterDaysOverdue(null)
                    .build(),
            OCT_1);
    Customer ana = world.customer("Ana Gómez");

    StatementTest() {
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);
        world.runOn(OCT_1); // FE-000001 77,350
        world.pay(ana, cop("50000"), "TRF-1", LocalDate.of(2026, 10, 5));
        world.dunOn(LocalDate.of(2026, 10, 20)); // late fee 5,000 on the 27,350 left
        world.runOn(NOV_1); // FE-000002 77,350 + 5,000 late fee = 82,350
        world.pay(ana, cop("120000"), "TRF-2", LocalDate.of(2026, 11, 3)); // 27,350 + 82,350, 10,300 credit
        world.clock.today(LocalDate.of(2026, 11, 10));
        world.billing
                .creditNotes()
                .credit(
                        InvoiceNumber.parse("FE-000002"),
                        cop("2000"),
                        TaxCategory.EXEMPT,
                        "Ajuste",
                        "Falla de servicio");
        world.runOn(DEC_1); // FE-000003 77,350 less credit 12,300 = 65,050
    }

    @Test
    void a_statement_lists_documents_with_running_balances_and_totals() {
        var statement = world.billing.statements().statement(ana.id(), NOV_1, DEC_1.plusDays(1));

        assertThat(plain(statement.openingBalance())).isEqualTo("27350.00");
        assertThat(statement.entries())
                .extracting(e -> e.date() + " " + e.kind() + " " + e.reference() + " " + plain(e.debit()) + " "
                        + plain(e.credit()) + " " + plain(e.balance()))
                .containsExactly(
                        "2026-11-01 INVOICE FE-000002 82350.00 0.00 109700.00",
                        "2026-11-03 PAYMENT TRF-2 0.00 120000.00 -10300.00",
                        "2026-11-10 CREDIT_NOTE NC-000001 0.00 2000.00 -12300.00",
                        "2026-12-01 INVOICE FE-000003 77350.00 0.00 65050.00");
        assertThat(plain(statement.invoiced())).isEqualTo("159700.00");
        assertThat(plain(statement.paid())).isEqualTo("120000.00");
        assertThat(plain(statement.credited())).isEqualTo("2000.00");
        assertThat(plain(statement.lateFees())).isEqualTo("5000.00");
        assertThat(plain(statement.closingBalance())).isEqualTo("65050.00");
        assertThat(plain(statement.creditBalance())).isEqualTo("0.00");
        assertThat(statement.entries().get(0).description()).isEqualTo("Factura del 2026-11-01 a 2026-11-30");
        assertThat(statement.closingBalance())
                .isEqualTo(world.billing.statements().balanceOf(ana.id()));
    }

    @Test
    void a_range_before_the_last_document_closes_where_the_next_opens() {
        var october = world.billing.statements().statement(ana.id(), OCT_1, NOV_1);
        var november = world.billing.statements().statement(ana.id(), NOV_1, DEC_1);

        assertThat(plain(october.openingBalance())).isEqualTo("0.00");
        assertThat(plain(october.closingBalance())).isEqualTo("27350.00");
        assertThat(november.openingBalance()).isEqualTo(october.closingBalance());
        assertThat(plain(november.closingBalance())).isEqualTo("-12300.00");
    }

    @Test
    void a_range_in_the_wrong_order_is_invalid() {
        assertThatThrownBy(() -> world.billing.statements().statement(ana.id(), DEC_1, NOV_1))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
}
