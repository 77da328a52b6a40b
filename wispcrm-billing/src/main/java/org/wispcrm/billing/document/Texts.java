package org.wispcrm.billing.document;

import java.util.Locale;
import org.wispcrm.core.invoice.BillingPeriod;

/**
 * The texts billing writes into documents (line descriptions, reasons), in Spanish for Spanish-speaking customers
 * and in English otherwise. PDFs translate their own labels; these are the data printed under them.
 *
 * @param spanish whether to write Spanish
 */
public record Texts(boolean spanish) {

    /** The texts for a customer's locale. */
    public static Texts of(Locale locale) {
        return new Texts("es".equals(locale.getLanguage()));
    }

    /** "Hogar 10 Mbps (2026-11-05 a 2026-12-04)". */
    public String recurring(String plan, BillingPeriod period) {
        return plan + " (" + range(period) + ")";
    }

    /** "Hogar 10 Mbps, 10 de 30 días (2026-11-20 a 2026-11-29)". */
    public String prorated(String plan, BillingPeriod part, BillingPeriod cycle) {
        return spanish
                ? plan + ", " + part.days() + " de " + cycle.days() + " días (" + range(part) + ")"
                : plan + ", " + part.days() + " of " + cycle.days() + " days (" + range(part) + ")";
    }

    /** "Crédito por cambio de plan: Hogar 10 Mbps, 10 de 30 días (…)". */
    public String planChangeCredit(String oldPlan, BillingPeriod part, BillingPeriod cycle) {
        return (spanish ? "Crédito por cambio de plan: " : "Plan change credit: ") + prorated(oldPlan, part, cycle);
    }

    /** "Saldo a favor aplicado". */
    public String creditApplied() {
        return spanish ? "Saldo a favor aplicado" : "Credit applied";
    }

    /** "Redondeo". */
    public String rounding() {
        return spanish ? "Redondeo" : "Rounding";
    }

    /** "Recargo por mora, factura FE-000001". */
    public String lateFee(String invoiceNumber) {
        return spanish ? "Recargo por mora, factura " + invoiceNumber : "Late fee, invoice " + invoiceNumber;
    }

    /** "Reconexión del servicio". */
    public String reconnection() {
        return spanish ? "Reconexión del servicio" : "Service reconnection";
    }

    /** "Anulación de la factura FE-000001". */
    public String voidInvoice(String invoiceNumber) {
        return spanish ? "Anulación de la factura " + invoiceNumber : "Cancellation of invoice " + invoiceNumber;
    }

    /** "Factura del 2026-11-01 a 2026-11-30". */
    public String invoiceFor(BillingPeriod period) {
        return (spanish ? "Factura del " : "Invoice for ") + range(period);
    }

    private String range(BillingPeriod period) {
        return period.start() + (spanish ? " a " : " to ") + period.lastDay();
    }
}
