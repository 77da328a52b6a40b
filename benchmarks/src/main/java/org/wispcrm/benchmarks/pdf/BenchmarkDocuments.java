package org.wispcrm.benchmarks.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.wispcrm.billing.document.IspProfile;
import org.wispcrm.billing.document.PdfFonts;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.CustomerSnapshot;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.plan.TaxCategory;

/** The invoice the benchmarks render: a Colombian customer, pesos, IVA 19%, {@code lines} lines. */
public final class BenchmarkDocuments {
    static final CurrencyUnit COP = Monetary.getCurrency("COP");
    static final BigDecimal IVA = new BigDecimal("0.19");
    static final String TTF = "font-fallback/LiberationSans-Regular.ttf";

    private BenchmarkDocuments() {}

    /** The ISP on the letterhead, the same as the raw page's. */
    public static IspProfile isp() {
        return IspProfile.builder(
                        "Conexión Rural Ñandú S.A.S.",
                        "900.123.456-7",
                        new Address("Calle 5 # 3-21", "Local 2", "San Gil", "Santander", "684031", "CO"))
                .phone("+57 300 123 4567")
                .email("pagos@conexionrural.co")
                .paymentInstructions("Consigne en Bancolombia, cuenta de ahorros 123-456789-01, o pague en línea en"
                        + " conexionrural.co/pagos. ¡Gracias!")
                .build();
    }

    static PdfFonts fonts(String kind) {
        return switch (kind) {
            case "standard" -> PdfFonts.standard();
            case "truetype" -> PdfFonts.trueType(ttf(), ttf());
            default -> throw new IllegalArgumentException("fonts must be standard or truetype, not " + kind);
        };
    }

    static byte[] ttf() {
        try (InputStream in = BenchmarkDocuments.class.getClassLoader().getResourceAsStream(TTF)) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF's " + TTF + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Invoice invoice(int lineCount) {
        var lines = new ArrayList<InvoiceLine>();
        for (int i = 1; i <= lineCount; i++) {
            MonetaryAmount net = Money.of(50_000 + 1_000 * i, COP);
            MonetaryAmount tax = Money.of(
                    BigDecimal.valueOf(50_000 + 1_000 * i).multiply(IVA).setScale(0, RoundingMode.HALF_UP), COP);
            lines.add(new InvoiceLine(
                    InvoiceLineKind.RECURRING,
                    "Plan Hogar " + i + " Mbps, instalación en vereda (1 nov. a 30 nov.)",
                    null,
                    null,
                    null,
                    BigDecimal.ONE,
                    net,
                    net,
                    TaxCategory.STANDARD,
                    IVA,
                    tax));
        }
        var customer = new CustomerSnapshot(
                "C-0042",
                "José Ángel Muñoz Peña",
                "1.098.765.432",
                new Address("Vereda El Guácimo, finca La Esperanza", null, "Curití", "Santander", null, "CO"),
                EmailAddress.of("jose.munoz@example.com"),
                null,
                Locale.forLanguageTag("es-CO"));
        LocalDate issued = LocalDate.of(2026, 11, 5);
        return Invoice.draft(
                        InvoiceId.of("0190f0c2-7e3a-7000-8000-000000000123"),
                        CustomerId.of("0190f0c2-7e3a-7000-8000-000000000001"),
                        customer,
                        BillingPeriod.monthStartingOn(LocalDate.of(2026, 11, 1)),
                        issued,
                        issued.plusDays(15),
                        COP,
                        lines)
                .issue(new InvoiceNumber("FE", 123));
    }
}
