package org.wispcrm.benchmarks.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;

/**
 * The baseline: the same page as an invoice of {@code lines} lines (same paper, fonts, tables, cells, totals, note
 * and footer), written with OpenPDF directly from literal strings, with no domain object, label bundle or number
 * formatting. What the renderer costs beyond this is what our code adds.
 */
public final class RawOpenPdfPage {
    /**
     * The same constant subset tag as {@code PdfFonts} uses: OpenPDF's default makes a new {@code SecureRandom} per
     * font per document, which costs milliseconds and would flatter our renderer.
     */
    private static final SecureRandom FIXED_TAG = new SecureRandom() {
        private static final long serialVersionUID = 1L;

        @Override
        public double nextDouble() {
            return 0;
        }
    };

    private final BaseFont regular;
    private final Font text;
    private final Font bold;
    private final Font header;
    private final Font heading;
    private final Font title;
    private final Font small;
    private final List<String[]> rows;

    /** The page with {@code fonts} ({@code standard} or {@code truetype}) and {@code lines} service lines. */
    public RawOpenPdfPage(String fonts, int lines) {
        try {
            BaseFont boldFace;
            if (fonts.equals("truetype")) {
                byte[] ttf = BenchmarkDocuments.ttf();
                regular = BaseFont.createFont("regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
                boldFace = BaseFont.createFont("bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
                for (BaseFont face : new BaseFont[] {regular, boldFace}) {
                    face.setSubset(true);
                    face.setSecureRandom(FIXED_TAG);
                }
            } else {
                regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
                boldFace = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            }
            small = new Font(regular, 7.5f, Font.NORMAL, Color.DARK_GRAY);
            text = new Font(regular, 9f);
            bold = new Font(boldFace, 9f);
            header = new Font(boldFace, 8.5f, Font.NORMAL, Color.WHITE);
            heading = new Font(boldFace, 12f);
            title = new Font(boldFace, 15f);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var list = new java.util.ArrayList<String[]>();
        for (int i = 1; i <= lines; i++) {
            String amount = "$ " + (50 + i) + ".000";
            list.add(new String[] {
                "Plan Hogar " + i + " Mbps, instalación en vereda (1 nov. a 30 nov.)", "1", amount, "19 %", amount
            });
        }
        rows = List.copyOf(list);
    }

    /** Writes the page; thread-safe (fonts are shared, everything else is per call). */
    public byte[] render() {
        var out = new ByteArrayOutputStream(16 * 1024);
        var document = new Document(PageSize.LETTER, 36, 36, 36, 50);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new Footer());
        document.open();

        var top = table(new float[] {50, 50});
        var left = plain();
        left.addElement(new Paragraph("Conexión Rural Ñandú S.A.S.", heading));
        left.addElement(new Paragraph("NIT 900.123.456-7", text));
        left.addElement(new Paragraph("Calle 5 # 3-21, Local 2, San Gil, Santander 684031 (CO)", text));
        left.addElement(new Paragraph("+57 300 123 4567 · pagos@conexionrural.co", text));
        top.addCell(left);
        var right = plain();
        var heading1 = new Paragraph("FACTURA DE VENTA", title);
        heading1.setAlignment(Element.ALIGN_RIGHT);
        right.addElement(heading1);
        var facts = table(new float[] {50, 50});
        String[][] factRows = {
            {"Factura n.º", "FE-000123"},
            {"Fecha de expedición", "5/11/2026"},
            {"Fecha límite de pago", "20/11/2026"},
            {"Periodo facturado", "1/11/2026 a 30/11/2026"}
        };
        for (String[] fact : factRows) {
            facts.addCell(cell(fact[0], bold, Element.ALIGN_RIGHT));
            facts.addCell(cell(fact[1], text, Element.ALIGN_RIGHT));
        }
        right.addElement(facts);
        top.addCell(right);
        document.add(top);

        var box = table(new float[] {1});
        box.setSpacingBefore(10);
        var customer = plain();
        customer.setBackgroundColor(new Color(0xEE, 0xF1, 0xF4));
        customer.setPadding(6);
        customer.addElement(new Paragraph("Cliente", bold));
        customer.addElement(new Paragraph("José Ángel Muñoz Peña", heading));
        customer.addElement(new Paragraph("Código C-0042   Identificación 1.098.765.432", text));
        customer.addElement(new Paragraph("Vereda El Guácimo, finca La Esperanza, Curití, Santander (CO)", text));
        customer.addElement(new Paragraph("jose.munoz@example.com", text));
        box.addCell(customer);
        document.add(box);

        var items = table(new float[] {52, 9, 15, 9, 15});
        items.setSpacingBefore(12);
        items.setHeaderRows(1);
        int[] align = {
            Element.ALIGN_LEFT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT
        };
        String[] headers = {"Descripción", "Cant.", "Valor unitario", "IVA", "Valor"};
        for (int i = 0; i < headers.length; i++) {
            var cell = cell(headers[i], header, align[i]);
            cell.setBackgroundColor(new Color(0x33, 0x44, 0x55));
            cell.setPaddingTop(3);
            cell.setPaddingBottom(5);
            items.addCell(cell);
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                var cell = cell(row[i], text, align[i]);
                cell.setBorder(Rectangle.BOTTOM);
                cell.setBorderColor(Color.LIGHT_GRAY);
                cell.setBorderWidth(0.5f);
                cell.setPaddingTop(2);
                cell.setPaddingBottom(4);
                items.addCell(cell);
            }
        }
        document.add(items);

        var totals = table(new float[] {60, 40});
        totals.setWidthPercentage(45);
        totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
        totals.setSpacingBefore(8);
        totals.setKeepTogether(true);
        String[][] totalRows = {
            {"Subtotal", "$ 436.000"}, {"IVA 19 %", "$ 82.840"}, {"Total", "$ 518.840"}, {"Saldo a pagar", "$ 518.840"}
        };
        for (int i = 0; i < totalRows.length; i++) {
            boolean strong = i >= 2;
            var label = cell(totalRows[i][0], strong ? bold : text, Element.ALIGN_LEFT);
            var value = cell(totalRows[i][1], strong ? bold : text, Element.ALIGN_RIGHT);
            if (strong) {
                for (PdfPCell c : new PdfPCell[] {label, value}) {
                    c.setBorder(Rectangle.TOP);
                    c.setBorderColor(new Color(0x33, 0x44, 0x55));
                    c.setBorderWidth(0.8f);
                    c.setPaddingTop(4);
                }
            }
            totals.addCell(label);
            totals.addCell(value);
        }
        document.add(totals);

        var note = new Paragraph("¿Cómo pagar? (antes del 20/11/2026)", bold);
        note.setSpacingBefore(12);
        document.add(note);
        document.add(new Paragraph(
                "Consigne en Bancolombia, cuenta de ahorros 123-456789-01, o pague en línea en"
                        + " conexionrural.co/pagos. ¡Gracias!",
                text));
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable table(float[] widths) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell plain() {
        var cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static PdfPCell cell(String value, Font font, int alignment) {
        var cell = new PdfPCell(new Phrase(value, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(2);
        return cell;
    }

    /** The same footer as the renderer's: a rule, the reference and "Página n de N". */
    private final class Footer extends PdfPageEventHelper {
        private PdfTemplate total;

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            String before = "Página " + writer.getPageNumber() + " de ";
            float width = regular.getWidthPoint(before, 7.5f);
            float x = document.getPageSize().getRight() - 36 - width - 24;
            canvas.saveState();
            canvas.setColorStroke(Color.LIGHT_GRAY);
            canvas.setLineWidth(0.5f);
            canvas.moveTo(36, 30);
            canvas.lineTo(document.getPageSize().getRight() - 36, 30);
            canvas.stroke();
            canvas.beginText();
            canvas.setColorFill(Color.DARK_GRAY);
            canvas.setFontAndSize(regular, small.getSize());
            canvas.setTextMatrix(36, 20);
            canvas.showText("Conexión Rural Ñandú S.A.S. · FE-000123");
            canvas.setTextMatrix(x, 20);
            canvas.showText(before);
            canvas.endText();
            canvas.addTemplate(total, x + width, 20);
            canvas.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(regular, small.getSize());
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
