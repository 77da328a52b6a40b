package org.wispcrm.examples.quickstart;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.javamoney.moneta.Money;
import org.wispcrm.billing.document.IspProfile;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.policy.FirstPeriodRule;
import org.wispcrm.billing.policy.LateFee;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.notification.dispatch.MessageTemplates;
import org.wispcrm.core.plan.NewPlan;

/** The demo ISP, ConectaLlanos: who it is, what it sells and how it bills. */
final class DemoIsp {
    static final String NAME = "ConectaLlanos";
    static final ZoneId ZONE = ZoneId.of("America/Bogota");
    static final Locale LOCALE = Locale.forLanguageTag("es-CO");
    static final String BILLING_EMAIL = "facturacion@conectallanos.example.com";

    /** The plans, with their share of the customers in percent. Prices are monthly, before IVA. */
    static final List<PlanOffer> PLANS = List.of(
            new PlanOffer(NewPlan.of("Hogar 10 Mbps", 10, 5, Money.of(65_000, "COP")), 40),
            new PlanOffer(NewPlan.of("Hogar 20 Mbps", 20, 10, Money.of(85_000, "COP")), 30),
            new PlanOffer(NewPlan.of("Hogar 50 Mbps", 50, 25, Money.of(115_000, "COP")), 15),
            new PlanOffer(NewPlan.of("Pyme 50 Mbps", 50, 50, Money.of(180_000, "COP")), 10),
            new PlanOffer(NewPlan.of("Pyme 100 Mbps", 100, 100, Money.of(290_000, "COP")), 5));

    /** What an installation costs, billed once with the first invoice. */
    static final Money INSTALLATION_FEE = Money.of(120_000, "COP");

    private DemoIsp() {}

    /**
     * Everyone is billed on the 1st, in advance, IVA 19% on top of the price, in whole pesos, due in 10 days. A
     * customer installed mid-month gets the days to the 1st together with the next full month on one invoice. Five
     * days after the due date a late fee of $ 5.000 is charged (on the next invoice); fifteen days after it, service
     * is suspended.
     */
    static BillingPolicy policy() {
        return BillingPolicy.builder()
                .currency("COP")
                .fixedBillingDay(1)
                .firstPeriod(FirstPeriodRule.MERGE_WITH_NEXT)
                .cashRounding(BigDecimal.ONE)
                .dueDays(10)
                .graceDays(5)
                .lateFee(LateFee.fixed(Money.of(5_000, "COP")))
                .suspendAfterDaysOverdue(15)
                .build();
    }

    /** The letterhead of every PDF. */
    static IspProfile profile() {
        return IspProfile.builder(
                        NAME + " S.A.S.",
                        "901.234.567-7",
                        new Address("Calle 38 # 30A-45", "Barrio Barzal", "Villavicencio", "Meta", "500001", "CO"))
                .phone("+57 608 670 1234")
                .email(BILLING_EMAIL)
                .website("conectallanos.example.com")
                .paymentInstructions(
                        Locale.forLanguageTag("es"),
                        "Pague en línea en pagos.conectallanos.example.com, en cualquier punto Efecty con la"
                                + " referencia de su factura, o por transferencia a la cuenta de ahorros"
                                + " Bancolombia 123-456789-01 a nombre de ConectaLlanos S.A.S.")
                .paymentInstructions("Pay online at pagos.conectallanos.example.com or by bank transfer to Bancolombia"
                        + " savings account 123-456789-01.")
                .build();
    }

    /** The message templates (bundled Spanish and English), with the ISP's name and payment link. */
    static MessageTemplates templates() {
        return MessageTemplates.builder()
                .ispName(NAME)
                .paymentLink("https://pagos.conectallanos.example.com/?factura={{invoiceNumber}}")
                .build();
    }

    /**
     * A plan on sale and how many customers take it.
     *
     * @param plan what the administrator enters
     * @param sharePercent the share of customers on it
     */
    record PlanOffer(NewPlan plan, int sharePercent) {}
}
