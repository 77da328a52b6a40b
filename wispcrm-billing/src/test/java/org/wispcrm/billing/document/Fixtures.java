package org.wispcrm.billing.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CreditNoteId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.PaymentId;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.CustomerSnapshot;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentAllocation;
import org.wispcrm.core.payment.PaymentMethod;
import org.wispcrm.core.payment.PaymentStatus;
import org.wispcrm.core.plan.TaxCategory;

/** Documents a customer would receive, with Spanish text and amounts that are easy to check by hand. */
final class Fixtures {
    static final CurrencyUnit COP = Monetary.getCurrency("COP");
    static final CurrencyUnit USD = Monetary.getCurrency("USD");
    static final Locale ES_CO = Locale.forLanguageTag("es-CO");
    static final Locale EN_US = Locale.forLanguageTag("en-US");
    static final BigDecimal IVA = new BigDecimal("0.19");
    static final LocalDate ISSUED = LocalDate.of(2026, 11, 5);
    static final CustomerId CUSTOMER = CustomerId.of("0190f0c2-7e3a-7000-8000-000000000001");

    private Fixtures() {}

    static IspProfile isp() {
        return IspProfile.builder(
                        "Conexión Rural Ñandú S.A.S.",
                        "900.123.456-7",
                        new Address("Calle 5 # 3-21", "Local 2", "San Gil", "Santander", "684031", "CO"))
                .phone("+57 300 123 4567")
                .email("pagos@conexionrural.co")
                .paymentInstructions(
                        Locale.forLanguageTag("es"),
                        "Consigne en Bancolombia, cuenta de ahorros 123-456789-01, o pague en línea en"
                                + " conexionrural.co/pagos. ¡Gracias!")
                .paymentInstructions("Pay by bank transfer to account 123-456789-01 or online at conexionrural.co")
                .build();
    }

    static CustomerSnapshot spanishCustomer() {
        return new CustomerSnapshot(
                "C-0042",
                "José Ángel Muñoz Peña",
                "1.098.765.432",
                new Address("Vereda El Guácimo, finca La Esperanza", null, "Curití", "Santander", null, "CO"),
                EmailAddress.of("jose.munoz@example.com"),
                PhoneNumber.parse("+573001234567", "CO"),
                ES_CO);
    }

    static CustomerSnapshot englishCustomer() {
        return new CustomerSnapshot(
                "C-0099", "Mary O'Brien", null, Address.of("12 Lake Road", "Austin", "US"), null, null, EN_US);
    }

    static MonetaryAmount cop(long amount) {
        return Money.of(amount, COP);
    }

    static MonetaryAmount usd(String amount) {
        return Money.of(new BigDecimal(amount), USD);
    }

    static InvoiceLine taxed(InvoiceLineKind kind, String description, MonetaryAmount net, BigDecimal rate) {
        MonetaryAmount tax = Money.of(
                Formats.decimal(net)
                        .multiply(rate)
                        .setScale(net.getCurrency().getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP),
                net.getCurrency());
        return new InvoiceLine(
                kind, description, null, null, null, BigDecimal.ONE, net, net, TaxCategory.STANDARD, rate, tax);
    }

    /**
     * FE-000123 for José: plan 50.000 + installation 80.000 - discount 10.000 = subtotal 120.000; IVA 19% 22.800;
     * credit applied -5.000; total 137.800.
     */
    static Invoice spanishInvoice() {
        var lines = List.of(
                taxed(InvoiceLineKind.RECURRING, "Plan Hogar 10 Mbps (1 nov. a 30 nov.)", cop(50_000), IVA),
                taxed(InvoiceLineKind.ONE_TIME_CHARGE, "Instalación y configuración del enrutador", cop(80_000), IVA),
                taxed(InvoiceLineKind.DISCOUNT, "Descuento de bienvenida ¡Año nuevo!", cop(-10_000), IVA),
                InvoiceLine.untaxed(InvoiceLineKind.CREDIT_APPLIED, "Saldo a favor aplicado", cop(-5_000)));
        return issue(spanishCustomer(), COP, lines, 123);
    }

    /** INV-000007 for Mary: 49.99 + 7% tax 3.50 = 53.49, rounded by 0.01 to 53.50. */
    static Invoice englishInvoice() {
        var lines = List.of(
                taxed(InvoiceLineKind.RECURRING, "Home 25 Mbps, November", usd("49.99"), new BigDecimal("0.07")),
                InvoiceLine.untaxed(InvoiceLineKind.ROUNDING, "Rounding", usd("0.01")));
        return Invoice.draft(
                        InvoiceId.of("0190f0c2-7e3a-7000-8000-0000000000e7"),
                        CustomerId.of("0190f0c2-7e3a-7000-8000-000000000002"),
                        englishCustomer(),
                        BillingPeriod.monthStartingOn(LocalDate.of(2026, 11, 1)),
                        ISSUED,
                        ISSUED.plusDays(15),
                        USD,
                        lines)
                .issue(new InvoiceNumber("INV", 7));
    }

    /** An invoice of {@code count} service lines of 1.000 pesos each (plus IVA). */
    static Invoice longInvoice(int count) {
        var lines = new ArrayList<InvoiceLine>();
        for (int i = 1; i <= count; i++) {
            lines.add(taxed(
                    InvoiceLineKind.ONE_TIME_CHARGE, "Línea n.º " + i + ": antena, cable y conexión", cop(1_000), IVA));
        }
        return issue(spanishCustomer(), COP, lines, 200);
    }

    static Invoice issue(CustomerSnapshot customer, CurrencyUnit currency, List<InvoiceLine> lines, long number) {
        return Invoice.draft(
                        InvoiceId.of(String.format(Locale.ROOT, "0190f0c2-7e3a-7000-8000-%012d", number)),
                        CUSTOMER,
                        customer,
                        BillingPeriod.monthStartingOn(LocalDate.of(2026, 11, 1)),
                        ISSUED,
                        ISSUED.plusDays(15),
                        currency,
                        lines)
                .issue(new InvoiceNumber("FE", number));
    }

    /** NC-000004 credits the installation of FE-000123: 80.000 + IVA 15.200 = 95.200. */
    static CreditNote creditNote() {
        var invoice = spanishInvoice();
        return CreditNote.issue(
                CreditNoteId.of("0190f0c2-7e3a-7000-8000-0000000000c4"),
                new InvoiceNumber("NC", 4),
                invoice,
                ISSUED.plusDays(3),
                List.of(taxed(
                        InvoiceLineKind.ONE_TIME_CHARGE,
                        "Instalación y configuración del enrutador",
                        cop(80_000),
                        IVA)),
                "Instalación no realizada: el cliente canceló la visita técnica",
                false);
    }

    /** 150.000 pesos received by Nequi: 137.800 to FE-000123, 12.200 left as credit. */
    static Payment payment() {
        var invoice = spanishInvoice();
        return new Payment(
                PaymentId.of("0190f0c2-7e3a-7000-8000-0000000000a1"),
                CUSTOMER,
                cop(150_000),
                PaymentMethod.MOBILE_WALLET,
                "NEQUI-778899",
                ISSUED.plusDays(2),
                List.of(new PaymentAllocation(invoice.id(), invoice.requireNumber(), cop(137_800))),
                PaymentStatus.RECORDED,
                null,
                null,
                Instant.parse("2026-11-07T15:00:00Z"),
                null,
                0);
    }

    static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
