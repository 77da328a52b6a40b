package org.wispcrm.billing.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.invoice.CustomerSnapshot;

/**
 * Lays out one document: letterhead, customer, tables, totals, notes and a footer with "page n of N". One instance
 * per document, used by one thread; what it shares (fonts, labels, logo) comes immutable from {@link PdfSettings}.
 *
 * <p>Output is deterministic: the creation and modification dates are the document's own date (not the clock), the
 * file identifier is a digest of the document's identity, and embedded font subsets get a fixed tag, so rendering
 * the same document twice gives the same bytes.
 */
final class PdfComposer {
    static final Color RULE = new Color(0x33, 0x44, 0x55);
    private static final Color SHADE = new Color(0xEE, 0xF1, 0xF4);
    private static final float MARGIN = 36;
    private static final float FOOTER_Y = 20;

    final PdfSettings settings;
    final PdfFonts fonts;
    final Labels labels;
    final Formats formats;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    private final Document document;
    private final PdfWriter writer;

    private PdfComposer(
            PdfSettings settings, Locale locale, Formats formats, String identity, LocalDate date, String reference) {
        this.settings = settings;
        this.fonts = settings.fonts();
        this.labels = settings.labels(locale);
        this.formats = formats;
        this.document = new Document(settings.paper().size(), MARGIN, MARGIN, MARGIN, MARGIN + 14);
        try {
            this.writer = PdfWriter.getInstance(document, out);
        } catch (DocumentException e) {
            throw failure(e);
        }
        writer.setPageEvent(new Footer(reference));
        var info = writer.getInfo();
        var calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        info.put(PdfName.CREATIONDATE, new PdfDate(calendar));
        info.put(PdfName.MODDATE, new PdfDate(calendar));
        info.put(PdfName.TITLE, new PdfString(reference, PdfString.TEXT_UNICODE));
        info.put(PdfName.AUTHOR, new PdfString(settings.profile().name(), PdfString.TEXT_UNICODE));
        byte[] id = digest(identity);
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
        document.open();
    }

    /**
     * Starts a document.
     *
     * @param identity what the document is, unique per document ("invoice FE-000123"): the file identifier's seed
     * @param date the document's date, used as its creation date
     * @param reference printed in the footer of every page, such as the document number
     */
    static PdfComposer open(
            PdfSettings settings, Locale locale, Formats formats, String identity, LocalDate date, String reference) {
        return new PdfComposer(settings, locale, formats, identity, date, reference);
    }

    // ---- blocks --------------------------------------------------------------------------------------------------

    /** The ISP on the left (logo, name, tax id, address, contact); the title and the document's facts on the right. */
    void letterhead(String title, List<String[]> facts) {
        IspProfile isp = settings.profile();
        var table = table(new float[] {50, 50});
        var left = plainCell();
        Image logo = settings.logo();
        if (logo != null) {
            logo.setAlignment(Image.LEFT);
            left.addElement(logo);
        }
        left.addElement(paragraph(isp.name(), fonts.heading));
        left.addElement(paragraph(labels.format("isp.taxId", isp.taxId()), fonts.text));
        left.addElement(paragraph(addressText(isp.address()), fonts.text));
        var contact = new ArrayList<String>();
        if (isp.phone() != null) {
            contact.add(isp.phone());
        }
        if (isp.email() != null) {
            contact.add(isp.email());
        }
        if (isp.website() != null) {
            contact.add(isp.website());
        }
        if (!contact.isEmpty()) {
            left.addElement(paragraph(String.join(" · ", contact), fonts.text));
        }
        table.addCell(left);

        var right = plainCell();
        var heading = paragraph(title, fonts.title);
        heading.setAlignment(Element.ALIGN_RIGHT);
        right.addElement(heading);
        var factTable = table(new float[] {50, 50});
        for (String[] fact : facts) {
            factTable.addCell(text(fact[0], fonts.textBold, Element.ALIGN_RIGHT, false));
            factTable.addCell(text(fact[1], fonts.text, Element.ALIGN_RIGHT, false));
        }
        right.addElement(factTable);
        table.addCell(right);
        add(table);
    }

    /** The customer as billed, in a shaded box under a heading. */
    void customer(CustomerSnapshot customer) {
        var table = table(new float[] {1});
        table.setSpacingBefore(10);
        var cell = plainCell();
        cell.setBackgroundColor(SHADE);
        cell.setPadding(6);
        cell.addElement(paragraph(labels.get("customer.heading"), fonts.textBold));
        cell.addElement(paragraph(customer.name(), fonts.heading));
        String id = customer.nationalId() == null
                ? labels.format("customer.code", customer.code())
                : labels.format("customer.code", customer.code()) + "   "
                        + labels.format("customer.nationalId", customer.nationalId());
        cell.addElement(paragraph(id, fonts.text));
        cell.addElement(paragraph(addressText(customer.address()), fonts.text));
        var contact = new ArrayList<String>();
        if (customer.email() != null) {
            contact.add(customer.email().value());
        }
        if (customer.phone() != null) {
            contact.add(customer.phone().e164());
        }
        if (!contact.isEmpty()) {
            cell.addElement(paragraph(String.join(" · ", contact), fonts.text));
        }
        table.addCell(cell);
        add(table);
    }

    /** A full-width table whose first row is a header repeated on every page it spans. */
    PdfPTable itemTable(float[] widths, String[] headers, int[] alignments) {
        var table = table(widths);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        for (int i = 0; i < headers.length; i++) {
            var cell = text(headers[i], fonts.header, alignments[i], false);
            cell.setBackgroundColor(RULE);
            cell.setPaddingTop(3);
            cell.setPaddingBottom(5);
            table.addCell(cell);
        }
        return table;
    }

    /** A body cell of an item table: a hairline below, text in the regular face. */
    PdfPCell item(String value, int alignment) {
        var cell = text(value, fonts.text, alignment, false);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(Color.LIGHT_GRAY);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(2);
        cell.setPaddingBottom(4);
        return cell;
    }

    /** Right-aligned label/amount rows; strong rows are bold with a rule above. */
    void totals(List<Total> rows) {
        var table = table(new float[] {60, 40});
        table.setWidthPercentage(45);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(8);
        table.setKeepTogether(true);
        for (Total row : rows) {
            Font font = row.strong() ? fonts.textBold : fonts.text;
            var label = text(row.label(), font, Element.ALIGN_LEFT, false);
            var value = text(row.value(), font, Element.ALIGN_RIGHT, false);
            if (row.strong()) {
                for (PdfPCell cell : new PdfPCell[] {label, value}) {
                    cell.setBorder(Rectangle.TOP);
                    cell.setBorderColor(RULE);
                    cell.setBorderWidth(0.8f);
                    cell.setPaddingTop(4);
                }
            }
            table.addCell(label);
            table.addCell(value);
        }
        add(table);
    }

    /** A heading and a paragraph of text (payment instructions, a reason); lines break at {@code \n}. */
    void note(String heading, String body) {
        var title = paragraph(heading, fonts.textBold);
        title.setSpacingBefore(12);
        add(title);
        add(paragraph(body, fonts.text));
    }

    /** A paragraph of text with space above it. */
    void paragraph(String body) {
        var text = paragraph(body, fonts.text);
        text.setSpacingBefore(12);
        add(text);
    }

    void add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw failure(e);
        }
    }

    /** Closes the document and returns its bytes. */
    byte[] finish() {
        document.close();
        return out.toByteArray();
    }

    // ---- pieces --------------------------------------------------------------------------------------------------

    PdfPCell text(String value, Font font, int alignment, boolean wrapOff) {
        var cell = new PdfPCell(new Phrase(value, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(2);
        cell.setNoWrap(wrapOff);
        return cell;
    }

    private static PdfPCell plainCell() {
        var cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static PdfPTable table(float[] widths) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static Paragraph paragraph(String text, Font font) {
        var paragraph = new Paragraph(text, font);
        paragraph.setLeading(font.getSize() * 1.3f);
        return paragraph;
    }

    private String addressText(Address address) {
        var text = new StringBuilder(address.singleLine());
        if (address.postalCode() != null && !address.postalCode().isBlank()) {
            text.append(' ').append(address.postalCode());
        }
        return text.append(" (").append(address.countryCode()).append(')').toString();
    }

    private static byte[] digest(String identity) {
        try {
            return MessageDigest.getInstance("MD5").digest(identity.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }

    static IllegalStateException failure(Exception e) {
        return new IllegalStateException("Could not lay out the PDF: " + e.getMessage(), e);
    }

    /** A row of the totals block. */
    record Total(String label, String value, boolean strong) {
        static Total of(String label, String value) {
            return new Total(label, value, false);
        }

        static Total strong(String label, String value) {
            return new Total(label, value, true);
        }
    }

    /** "reference · page n of N" at the foot of every page; N is filled in when the document closes. */
    private final class Footer extends PdfPageEventHelper {
        private final String reference;
        private @Nullable PdfTemplate total;

        Footer(String reference) {
            this.reference = reference;
        }

        @Override
        public void onOpenDocument(PdfWriter pdfWriter, Document doc) {
            total = pdfWriter.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter pdfWriter, Document doc) {
            PdfContentByte canvas = pdfWriter.getDirectContent();
            Rectangle page = doc.getPageSize();
            float size = fonts.small.getSize();
            String pattern = labels.get("page");
            int split = pattern.indexOf("{1}");
            String before = (split < 0 ? pattern : pattern.substring(0, split))
                    .replace("{0}", String.valueOf(pdfWriter.getPageNumber()));
            float width = fonts.regular.getWidthPoint(before, size);
            float x = page.getRight() - MARGIN - width - 24;
            canvas.saveState();
            canvas.setColorStroke(Color.LIGHT_GRAY);
            canvas.setLineWidth(0.5f);
            canvas.moveTo(MARGIN, FOOTER_Y + 10);
            canvas.lineTo(page.getRight() - MARGIN, FOOTER_Y + 10);
            canvas.stroke();
            canvas.beginText();
            canvas.setColorFill(Color.DARK_GRAY);
            canvas.setFontAndSize(fonts.regular, size);
            canvas.setTextMatrix(MARGIN, FOOTER_Y);
            canvas.showText(settings.profile().name() + " · " + reference);
            canvas.setTextMatrix(x, FOOTER_Y);
            canvas.showText(before);
            canvas.endText();
            if (total != null) {
                canvas.addTemplate(total, x + width, FOOTER_Y);
            }
            canvas.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter pdfWriter, Document doc) {
            if (total == null) {
                return;
            }
            total.beginText();
            total.setColorFill(Color.DARK_GRAY);
            total.setFontAndSize(fonts.regular, fonts.small.getSize());
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(pdfWriter.getPageNumber() - 1));
            total.endText();
        }
    }
}
