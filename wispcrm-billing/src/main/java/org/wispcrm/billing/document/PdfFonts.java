package org.wispcrm.billing.document;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.security.SecureRandom;
import org.wispcrm.core.common.WispCrmException;

/**
 * The two faces (regular and bold) every document is set in, built once and shared by every document and thread.
 *
 * <ul>
 *   <li>{@link #standard()}: Helvetica with WinAnsi (Windows-1252) encoding, not embedded. Every PDF reader has it,
 *       files stay small and rendering is fastest. It covers Spanish and the other Western European languages
 *       (á é í ó ú ü ñ ¿ ¡ ç €), but not, say, Polish ł or Vietnamese; such characters would be left out.
 *   <li>{@link #trueType(byte[], byte[])}: TrueType fonts the host supplies, embedded as subsets with Identity-H
 *       encoding, so any character the font has comes out right. The subset tag is fixed ({@code AAAAAA+}) rather
 *       than random, so the same document renders to the same bytes.
 * </ul>
 */
public final class PdfFonts {
    private final String description;
    final BaseFont regular;
    final BaseFont bold;
    final Font small;
    final Font text;
    final Font textBold;
    final Font header;
    final Font heading;
    final Font title;

    private PdfFonts(String description, BaseFont regular, BaseFont bold) {
        this.description = description;
        this.regular = regular;
        this.bold = bold;
        this.small = new Font(regular, 7.5f, Font.NORMAL, Color.DARK_GRAY);
        this.text = new Font(regular, 9f);
        this.textBold = new Font(bold, 9f);
        this.header = new Font(bold, 8.5f, Font.NORMAL, Color.WHITE);
        this.heading = new Font(bold, 12f);
        this.title = new Font(bold, 15f);
    }

    /** Helvetica and Helvetica-Bold with WinAnsi encoding, not embedded (the default). */
    public static PdfFonts standard() {
        try {
            return new PdfFonts(
                    "Helvetica (WinAnsi)",
                    BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED),
                    BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED));
        } catch (DocumentException | IOException e) {
            throw WispCrmException.configuration("The standard PDF fonts are not available: " + e);
        }
    }

    /**
     * Embedded TrueType fonts, subset per document.
     *
     * @param regular the bytes of the regular face (a {@code .ttf} file)
     * @param bold the bytes of the bold face; may be the same bytes as the regular face
     * @throws WispCrmException {@code CONFIGURATION} if either is not a usable TrueType font
     */
    public static PdfFonts trueType(byte[] regular, byte[] bold) {
        BaseFont regularFont = embedded("regular", regular);
        BaseFont boldFont = embedded("bold", bold);
        return new PdfFonts(
                "TrueType " + regularFont.getPostscriptFontName() + " / " + boldFont.getPostscriptFontName(),
                regularFont,
                boldFont);
    }

    private static BaseFont embedded(String face, byte[] ttf) {
        try {
            // The name only tells OpenPDF the format; the bytes are the font.
            BaseFont font = BaseFont.createFont(
                    face + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf.clone(), null);
            font.setSubset(true);
            font.setSecureRandom(new FixedSubsetTag());
            return font;
        } catch (IOException | RuntimeException e) {
            throw WispCrmException.configuration("The " + face + " PDF font is not a usable TrueType font: " + e);
        }
    }

    @Override
    public String toString() {
        return "PdfFonts[" + description + "]";
    }

    /**
     * Makes OpenPDF's subset tag constant ({@code AAAAAA+}): a random tag would make every rendering differ. The tag
     * only has to tell apart subsets of one font within one file, and each face is embedded once per file.
     */
    private static final class FixedSubsetTag extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public double nextDouble() {
            return 0;
        }
    }
}
