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
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.InvoiceLine;

/**
 * Renders a credit note as a PDF in the customer's language: letterhead, customer, the note's number and date, the
 * invoice it credits, the reason, what is credited line by line, taxes by rate and the total credited.
 * Thread-safe; the same note always renders to the same bytes.
 */
public final class CreditNotePdf {
    private static final float[] WIDTHS = {52, 9, 15, 9, 15};
    private static final int[] ALIGN = {
        Element.ALIGN_LEFT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT
    };

    private final PdfSettings settings;

    /** A renderer with the shared settings. */
    public CreditNotePdf(PdfSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The credit note's PDF. */
    public byte[] render(CreditNote note) {
        String number = note.number().value();
        Locale locale = note.customer().locale();
        var amounts = new ArrayList<MonetaryAmount>();
        for (InvoiceLine line : note.lines()) {
            amounts.addAll(List.of(line.unitPrice(), line.netAmount(), line.taxAmount()));
        }
        amounts.addAll(List.of(note.netAmount(), note.taxAmount(), note.total()));
        Formats formats = Formats.of(settings, locale, note.currency(), amounts);
        Labels labels = settings.labels(locale);
        var pdf = PdfComposer.open(settings, locale, formats, "credit-note " + number, note.issueDate(), number);

        List<String[]> facts = List.of(
                new String[] {labels.get("creditNote.number"), number},
                new String[] {labels.get("issueDate"), formats.date(note.issueDate())},
                new String[] {
                    labels.get("creditNote.invoice"), note.invoiceNumber().value()
                });
        pdf.letterhead(labels.get("creditNote.title"), facts);
        pdf.customer(note.customer());
        String reason = note.reason();
        if (note.voidsInvoice()) {
            reason = reason + "\n"
                    + labels.format("creditNote.voids", note.invoiceNumber().value());
        }
        pdf.note(labels.get("creditNote.reason"), reason);

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
        for (InvoiceLine line : note.lines()) {
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
        totals.add(Total.of(labels.get("subtotal"), formats.money(note.netAmount())));
        for (Map.Entry<BigDecimal, MonetaryAmount> tax : taxes.entrySet()) {
            totals.add(
                    Total.of(labels.format("tax.rate", formats.percent(tax.getKey())), formats.money(tax.getValue())));
        }
        if (taxes.isEmpty()) {
            totals.add(Total.of(labels.get("tax.total"), formats.money(note.taxAmount())));
        }
        totals.add(Total.strong(labels.get("creditNote.total"), formats.money(note.total())));
        pdf.totals(totals);
        return pdf.finish();
    }
}
