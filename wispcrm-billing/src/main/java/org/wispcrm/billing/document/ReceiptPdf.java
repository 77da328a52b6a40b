package org.wispcrm.billing.document;

import com.lowagie.text.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.wispcrm.billing.document.PdfComposer.Total;
import org.wispcrm.core.invoice.CustomerSnapshot;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentAllocation;
import org.wispcrm.core.payment.PaymentStatus;

/**
 * Renders a payment receipt as a PDF in the customer's language: letterhead, customer, the payment's reference,
 * date and method, the invoices it paid and how much of it went to each, what was left as credit, and, for a
 * reversed payment, when and why it was reversed. Thread-safe; the same payment always renders to the same bytes.
 */
public final class ReceiptPdf {
    private static final float[] WIDTHS = {70, 30};
    private static final int[] ALIGN = {Element.ALIGN_LEFT, Element.ALIGN_RIGHT};

    private final PdfSettings settings;

    /** A renderer with the shared settings. */
    public ReceiptPdf(PdfSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The receipt's PDF.
     *
     * @param customer the paying customer as they are now (payments carry no snapshot)
     */
    public byte[] render(Payment payment, CustomerSnapshot customer) {
        Objects.requireNonNull(customer, "customer");
        Locale locale = customer.locale();
        var amounts = new ArrayList<MonetaryAmount>();
        amounts.add(payment.amount());
        amounts.add(payment.unallocated());
        for (PaymentAllocation allocation : payment.allocations()) {
            amounts.add(allocation.amount());
        }
        Formats formats = Formats.of(settings, locale, payment.amount().getCurrency(), amounts);
        Labels labels = settings.labels(locale);
        String reference = payment.externalReference();
        var pdf =
                PdfComposer.open(settings, locale, formats, "receipt " + payment.id(), payment.receivedOn(), reference);

        var facts = new ArrayList<String[]>();
        facts.add(new String[] {labels.get("receipt.reference"), reference});
        facts.add(new String[] {labels.get("receipt.receivedOn"), formats.date(payment.receivedOn())});
        facts.add(new String[] {labels.get("receipt.method"), labels.of("payment.method", payment.method())});
        facts.add(new String[] {labels.get("status"), labels.of("payment.status", payment.status())});
        pdf.letterhead(labels.get("receipt.title"), facts);
        pdf.customer(customer);
        if (payment.status() == PaymentStatus.REVERSED) {
            var reversedOn = payment.reversedOn();
            pdf.note(
                    labels.of("payment.status", payment.status()),
                    labels.format(
                            "receipt.reversed",
                            reversedOn == null ? "" : formats.date(reversedOn),
                            Objects.requireNonNullElse(payment.reversalReason(), "")));
        }

        if (!payment.allocations().isEmpty()) {
            var table = pdf.itemTable(
                    WIDTHS, new String[] {labels.get("receipt.invoice"), labels.get("receipt.applied")}, ALIGN);
            for (PaymentAllocation allocation : payment.allocations()) {
                table.addCell(pdf.item(allocation.invoiceNumber().value(), ALIGN[0]));
                table.addCell(pdf.item(formats.money(allocation.amount()), ALIGN[1]));
            }
            pdf.add(table);
        }

        List<Total> totals = new ArrayList<>();
        totals.add(Total.strong(labels.get("receipt.amount"), formats.money(payment.amount())));
        totals.add(Total.of(labels.get("receipt.allocated"), formats.money(payment.allocated())));
        if (payment.unallocated().isPositive()) {
            totals.add(Total.of(labels.get("receipt.credit"), formats.money(payment.unallocated())));
        }
        pdf.totals(totals);
        if (payment.status() == PaymentStatus.RECORDED) {
            pdf.paragraph(labels.get("receipt.thanks"));
        }
        return pdf.finish();
    }
}
