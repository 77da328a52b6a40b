package org.wispcrm.billing.document;

import com.lowagie.text.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.wispcrm.billing.document.PdfComposer.Total;
import org.wispcrm.billing.document.StatementView.Entry;

/**
 * Renders an account statement as a PDF in the customer's language: letterhead, customer, the period, the balance
 * brought forward, every movement with its running balance (on as many pages as needed, headers repeated), the
 * totals of charges and of payments and credits, the balance due and the payment instructions. Thread-safe; the
 * same statement always renders to the same bytes.
 */
public final class StatementPdf {
    private static final float[] WIDTHS = {11, 25, 20, 14, 16, 14};
    private static final int[] ALIGN = {
        Element.ALIGN_LEFT,
        Element.ALIGN_LEFT,
        Element.ALIGN_LEFT,
        Element.ALIGN_RIGHT,
        Element.ALIGN_RIGHT,
        Element.ALIGN_RIGHT
    };

    private final PdfSettings settings;

    /** A renderer with the shared settings. */
    public StatementPdf(PdfSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The statement's PDF. */
    public byte[] render(StatementView statement) {
        Locale locale = statement.customer().locale();
        var amounts = new ArrayList<MonetaryAmount>();
        amounts.add(statement.openingBalance());
        MonetaryAmount running = statement.openingBalance();
        MonetaryAmount charges = Money.zero(statement.currency());
        MonetaryAmount credits = Money.zero(statement.currency());
        for (Entry entry : statement.entries()) {
            amounts.add(entry.amount());
            running = running.add(entry.amount());
            amounts.add(running);
            if (entry.amount().isPositive()) {
                charges = charges.add(entry.amount());
            } else {
                credits = credits.add(entry.amount().negate());
            }
        }
        Formats formats = Formats.of(settings, locale, statement.currency(), amounts);
        Labels labels = settings.labels(locale);
        String reference = statement.customer().code() + " " + statement.to();
        var pdf =
                PdfComposer.open(settings, locale, formats, "statement " + reference, statement.issuedOn(), reference);

        List<String[]> facts =
                List.of(new String[] {labels.get("issueDate"), formats.date(statement.issuedOn())}, new String[] {
                    labels.get("statement.period"),
                    labels.format("period.range", formats.date(statement.from()), formats.date(statement.to()))
                });
        pdf.letterhead(labels.get("statement.title"), facts);
        pdf.customer(statement.customer());

        var table = pdf.itemTable(
                WIDTHS,
                new String[] {
                    labels.get("statement.date"),
                    labels.get("statement.document"),
                    labels.get("statement.description"),
                    labels.get("statement.charges"),
                    labels.get("statement.credits"),
                    labels.get("statement.balance")
                },
                ALIGN);
        table.addCell(pdf.item(formats.date(statement.from()), ALIGN[0]));
        table.addCell(pdf.item("", ALIGN[1]));
        table.addCell(pdf.item(labels.get("statement.opening"), ALIGN[2]));
        table.addCell(pdf.item("", ALIGN[3]));
        table.addCell(pdf.item("", ALIGN[4]));
        table.addCell(pdf.item(formats.money(statement.openingBalance()), ALIGN[5]));
        running = statement.openingBalance();
        for (Entry entry : statement.entries()) {
            running = running.add(entry.amount());
            boolean charge = entry.amount().isPositive();
            table.addCell(pdf.item(formats.date(entry.date()), ALIGN[0]));
            table.addCell(
                    pdf.item(labels.format("statement.entry." + entry.kind().name(), entry.reference()), ALIGN[1]));
            table.addCell(pdf.item(entry.description(), ALIGN[2]));
            table.addCell(pdf.item(charge ? formats.money(entry.amount()) : "", ALIGN[3]));
            table.addCell(pdf.item(charge ? "" : formats.money(entry.amount().negate()), ALIGN[4]));
            table.addCell(pdf.item(formats.money(running), ALIGN[5]));
        }
        pdf.add(table);

        MonetaryAmount closing = statement.closingBalance();
        pdf.totals(List.of(
                Total.of(labels.get("statement.opening"), formats.money(statement.openingBalance())),
                Total.of(labels.get("statement.totalCharges"), formats.money(charges)),
                Total.of(labels.get("statement.totalCredits"), formats.money(credits.negate())),
                Total.strong(labels.get("statement.closing"), formats.money(closing))));
        String instructions = settings.profile().paymentInstructionsFor(locale);
        if (instructions != null && closing.isPositive()) {
            pdf.note(labels.get("statement.howToPay"), instructions);
        }
        return pdf.finish();
    }
}
