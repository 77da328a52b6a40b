package org.wispcrm.billing.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads PDFs back with PDFBox, an independent reader: what a customer would see, page by page. */
final class Pdfs {
    private Pdfs() {}

    /** The text of every page, with non-breaking spaces as plain spaces. */
    static List<String> pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var pages = new ArrayList<String>();
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(normalize(stripper.getText(document)));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the whole document. */
    static String text(byte[] pdf) {
        return String.join("\n", pages(pdf));
    }

    static String normalize(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
