package org.wispcrm.billing.document;

import com.lowagie.text.Element;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.money.MonetaryAmount;
import org.wispcrm.billing.document.PdfComposer.Total;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLine;
import org.wispcrm.core.invoice.InvoiceLineKind;

/**
 * Renders an issued invoice as a PDF in the customer's language: the ISP's letterhead, the customer as billed, the
 * number, dates and period, the lines (on as many pages as they need, with the column headers repeated on each), the
 * taxes by rate, credit applied, rounding, the total, the balance due and the payment instructions.
 *
 * <p>The PDF is the invoice <em>as issued</em>: later payments and credit notes (which have their own receipts and
 * notes, and show on statements) do not change it, so the balance due printed is the invoice's total, and rendering
 * the invoice again at any later time stores the very same bytes under its key.
 *
 * <p>Thread-safe: one instance serves every thread; fonts, logo and labels are built once in {@link PdfSettings}.
 * The same invoice always renders to the same bytes.
 */
public final class InvoicePdf {
    private static final float[] WIDTHS = {52, 9, 15, 9, 15};
    private static final int[] ALIGN = {
        Element.ALIGN_LEFT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT
    };

    private final PdfSettings settings;

    /** A renderer with the shared settings. */
    public InvoicePdf(PdfSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The invoice's PDF.
     *
     * @throws WispCrmException {@code ILLEGAL_TRANSITION} for a draft, which has no number to print
     */
    public byte[] render(Invoice invoice) {
        String number = invoice.requireNumber().value();
        Locale locale = invoice.customer().locale();
        Formats formats = Formats.of(settings, locale, invoice.currency(), amountsOf(invoice));
        Labels labels = settings.labels(locale);
        var pdf = PdfComposer.open(settings, locale, formats, "invoice " + number, invoice.issueDate(), number);

        var facts = new ArrayList<String[]>();
        facts.add(new String[] {labels.get("invoice.number"), number});
        facts.add(new String[] {labels.get("issueDate"), formats.date(invoice.issueDate())});
        facts.add(new String[] {labels.get("dueDate"), formats.date(invoice.dueDate())});
        facts.add(new String[] {
            labels.get("invoice.period"),
            labels.format(
                    "period.range",
                    formats.date(invoice.period().start()),
                    formats.date(invoice.period().lastDay()))
        });
        pdf.letterhead(labels.get("invoice.title"), facts);
        pdf.customer(invoice.customer());

        var table = pdf.itemTable(
                WIDTHS,
                new String[] {
                    labels.get("line.description"),
                    labels.get("line.quantity"),
                    labels.get("line.unitPrice"),
                    labels.get("line.taxRate"),
                    labels.get("line.amount")
                },
                ALIGN);
        var taxes = new TreeMap<BigDecimal, MonetaryAmount>();
        var belowSubtotal = new ArrayList<InvoiceLine>();
        for (InvoiceLine line : invoice.lines()) {
            if (!line.kind().inSubtotal()) {
                belowSubtotal.add(line);
                continue;
            }
            table.addCell(pdf.item(line.description(), ALIGN[0]));
            table.addCell(pdf.item(formats.quantity(line.quantity()), ALIGN[1]));
            table.addCell(pdf.item(formats.money(line.unitPrice()), ALIGN[2]));
            table.addCell(pdf.item(formats.percent(line.taxRate()), ALIGN[3]));
            table.addCell(pdf.item(formats.money(line.netAmount()), ALIGN[4]));
            if (!line.taxAmount().isZero()) {
                taxes.merge(line.taxRate().stripTrailingZeros(), line.taxAmount(), MonetaryAmount::add);
            }
        }
        pdf.add(table);

        var totals = new ArrayList<Total>();
        totals.add(Total.of(labels.get("subtotal"), formats.money(invoice.subtotal())));
        for (Map.Entry<BigDecimal, MonetaryAmount> tax : taxes.entrySet()) {
            totals.add(
                    Total.of(labels.format("tax.rate", formats.percent(tax.getKey())), formats.money(tax.getValue())));
        }
        if (taxes.isEmpty()) {
            totals.add(Total.of(labels.get("tax.total"), formats.money(invoice.taxTotal())));
        }
        for (InvoiceLine line : belowSubtotal) {
            String label = line.kind() == InvoiceLineKind.ROUNDING ? labels.get("rounding") : line.description();
            totals.add(Total.of(label, formats.money(line.total())));
        }
        totals.add(Total.strong(labels.get("total"), formats.money(invoice.total())));
        totals.add(Total.strong(labels.get("balanceDue"), formats.money(invoice.total())));
        pdf.totals(totals);

        String instructions = settings.profile().paymentInstructionsFor(locale);
        if (instructions != null && invoice.total().isPositive()) {
            pdf.note(labels.format("paymentInstructions", formats.date(invoice.dueDate())), instructions);
        }
        return pdf.finish();
    }

    private static List<MonetaryAmount> amountsOf(Invoice invoice) {
        var amounts = new ArrayList<MonetaryAmount>(invoice.lines().size() * 3 + 6);
        for (InvoiceLine line : invoice.lines()) {
            amounts.add(line.unitPrice());
            amounts.add(line.netAmount());
            amounts.add(line.taxAmount());
        }
        amounts.addAll(List.of(invoice.subtotal(), invoice.taxTotal(), invoice.total()));
        return amounts;
    }
}
