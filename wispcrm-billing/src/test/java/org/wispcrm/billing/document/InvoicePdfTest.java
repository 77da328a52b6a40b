package org.wispcrm.billing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.billing.document.Fixtures.COP;
import static org.wispcrm.billing.document.Fixtures.IVA;
import static org.wispcrm.billing.document.Fixtures.cop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceLineKind;

class InvoicePdfTest {
    private static final PdfSettings SETTINGS = PdfSettings.of(Fixtures.isp());
    private final InvoicePdf renderer = new InvoicePdf(SETTINGS);

    @Test
    void aSpanishInvoiceSaysWhatTheCustomerOwesWithAccentsIntact() {
        String text = Pdfs.text(renderer.render(Fixtures.spanishInvoice()));

        assertThat(text)
                .contains("Conexión Rural Ñandú S.A.S.")
                .contains("NIT 900.123.456-7")
                .contains("Calle 5 # 3-21, Local 2, San Gil, Santander 684031 (CO)")
                .contains("FACTURA DE VENTA")
                .contains("Factura n.º FE-000123")
                .contains("Fecha de expedición 5/11/2026")
                .contains("Fecha límite de pago 20/11/2026")
                .contains("Periodo facturado 1/11/2026 a 30/11/2026")
                .contains("José Ángel Muñoz Peña")
                .contains("Código C-0042")
                .contains("Identificación 1.098.765.432")
                .contains("Vereda El Guácimo, finca La Esperanza, Curití, Santander (CO)")
                .contains("Descripción Cant. Valor unitario IVA Valor")
                .contains("Plan Hogar 10 Mbps (1 nov. a 30 nov.) 1 $ 50.000 19 % $ 50.000")
                .contains("Instalación y configuración del enrutador 1 $ 80.000 19 % $ 80.000")
                .contains("Descuento de bienvenida ¡Año nuevo! 1 -$ 10.000 19 % -$ 10.000")
                .contains("Subtotal $ 120.000")
                .contains("IVA 19 % $ 22.800")
                .contains("Saldo a favor aplicado -$ 5.000")
                .contains("Total $ 137.800")
                .contains("Saldo a pagar $ 137.800")
                .contains("¿Cómo pagar? (antes del 20/11/2026)")
                .contains("Consigne en Bancolombia, cuenta de ahorros 123-456789-01")
                .contains("¡Gracias!")
                .contains("Conexión Rural Ñandú S.A.S. · FE-000123 Página 1 de 1")
                .doesNotContainPattern("\\?[a-zA-Z.]+\\?") // a missing label prints as ?key?
                .doesNotContain("Invoice");
        // Whole pesos: no ",00" anywhere.
        assertThat(text).doesNotContain(",00");
    }

    @Test
    void anEnglishCustomerGetsEnglishLabelsAndDollarsToTheCent() {
        String text = Pdfs.text(renderer.render(Fixtures.englishInvoice()));

        assertThat(text)
                .contains("INVOICE")
                .contains("Tax ID 900.123.456-7")
                .contains("Invoice no. INV-000007")
                .contains("Date Nov 5, 2026")
                .contains("Due date Nov 20, 2026")
                .contains("Service period Nov 1, 2026 to Nov 30, 2026")
                .contains("Bill to")
                .contains("Mary O'Brien")
                .contains("Description Qty Unit price Tax Amount")
                .contains("Home 25 Mbps, November 1 $49.99 7% $49.99")
                .contains("Subtotal $49.99")
                .contains("Tax 7% $3.50")
                .contains("Rounding $0.01")
                .contains("Total $53.50")
                .contains("Balance due $53.50")
                .contains("How to pay (by Nov 20, 2026)")
                .contains("Pay by bank transfer to account 123-456789-01")
                .contains("Page 1 of 1")
                .doesNotContain("Factura")
                .doesNotContain("Página");
    }

    @Test
    void pesosWithCentsPrintTheCentsOnEveryAmount() {
        var invoice = Fixtures.issue(
                Fixtures.spanishCustomer(),
                COP,
                List.of(Fixtures.taxed(
                        InvoiceLineKind.RECURRING,
                        "Plan Empresarial",
                        org.javamoney.moneta.Money.of(new BigDecimal("33613.45"), COP),
                        IVA)),
                9);

        String text = Pdfs.text(renderer.render(invoice));

        assertThat(text)
                .contains("Subtotal $ 33.613,45")
                .contains("IVA 19 % $ 6.386,56")
                .contains("Total $ 40.000,01")
                .contains("Saldo a pagar $ 40.000,01");
    }

    @Test
    void theInvoiceIsPrintedAsIssuedSoLaterPaymentsDoNotChangeItsBytes() {
        Invoice issued = Fixtures.spanishInvoice();
        Invoice paid = issued.applyPayment(cop(137_800));
        Invoice credited = issued.applyCreditNote(cop(95_200));

        byte[] pdf = renderer.render(issued);

        assertThat(renderer.render(paid)).isEqualTo(pdf);
        assertThat(renderer.render(credited)).isEqualTo(pdf);
        assertThat(Pdfs.text(pdf)).contains("Saldo a pagar $ 137.800");
    }

    @Test
    void twoHundredLinesSpanPagesWithTheHeaderOnEachAndNoLineLost() {
        byte[] pdf = renderer.render(Fixtures.longInvoice(200));

        List<String> pages = Pdfs.pages(pdf);

        assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
        var found = new ArrayList<Integer>();
        Pattern line = Pattern.compile("Línea n\\.º (\\d+): antena, cable y conexión 1 \\$ 1\\.000 19 % \\$ 1\\.000");
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertThat(page)
                    .as("page %d", i + 1)
                    .contains("Descripción Cant. Valor unitario IVA Valor")
                    .contains("FE-000200 Página " + (i + 1) + " de " + pages.size());
            int header = page.indexOf("Descripción Cant.");
            var matcher = line.matcher(page);
            while (matcher.find()) {
                assertThat(matcher.start())
                        .as("header above the lines of page %d", i + 1)
                        .isGreaterThan(header);
                found.add(Integer.parseInt(matcher.group(1)));
            }
        }
        var expected = new ArrayList<Integer>();
        for (int i = 1; i <= 200; i++) {
            expected.add(i);
        }
        assertThat(found).as("every line once, in order").isEqualTo(expected);
        assertThat(pages.get(pages.size() - 1))
                .contains("Subtotal $ 200.000")
                .contains("IVA 19 % $ 38.000")
                .contains("Total $ 238.000");
    }

    @Test
    void aDraftHasNoNumberToPrint() {
        var issued = Fixtures.spanishInvoice();
        var draft = Invoice.draft(
                issued.id(),
                issued.customerId(),
                issued.customer(),
                issued.period(),
                issued.issueDate(),
                issued.dueDate(),
                issued.currency(),
                issued.lines());

        assertThatThrownBy(() -> renderer.render(draft))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void theSameInvoiceRendersToTheSameBytesDatedOnItsIssueDate() throws IOException {
        byte[] first = renderer.render(Fixtures.spanishInvoice());
        byte[] again = new InvoicePdf(PdfSettings.of(Fixtures.isp())).render(Fixtures.spanishInvoice());

        assertThat(again).isEqualTo(first);
        try (var document = Loader.loadPDF(first)) {
            Calendar created = document.getDocumentInformation().getCreationDate();
            created.setTimeZone(TimeZone.getTimeZone("UTC"));
            assertThat(created.get(Calendar.YEAR)).isEqualTo(2026);
            assertThat(created.get(Calendar.MONTH)).isEqualTo(Calendar.NOVEMBER);
            assertThat(created.get(Calendar.DAY_OF_MONTH)).isEqualTo(5);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("FE-000123");
        }
        assertThat(renderer.render(Fixtures.englishInvoice())).isNotEqualTo(first);
    }

    @Test
    void severalThreadsRenderingAtOnceGetIdenticalBytes() throws Exception {
        assertConcurrentRenderingIsStable(renderer);
    }

    @Test
    void embeddedTrueTypeFontsKeepEverySpanishCharacterAndMore() throws Exception {
        byte[] ttf = Fixtures.resource("font-fallback/LiberationSans-Regular.ttf");
        var settings = PdfSettings.builder(Fixtures.isp())
                .fonts(PdfFonts.trueType(ttf, ttf))
                .build();
        var customer = new org.wispcrm.core.invoice.CustomerSnapshot(
                "C-7",
                "Łukasz Peña Ibáñez",
                null,
                org.wispcrm.core.common.Address.of("Carrera 9 # 12-40", "Bogotá", "CO"),
                null,
                null,
                Fixtures.ES_CO);
        var invoice = Fixtures.issue(customer, COP, Fixtures.spanishInvoice().lines(), 321);
        var embedded = new InvoicePdf(settings);

        byte[] pdf = embedded.render(invoice);

        assertThat(Pdfs.text(pdf))
                .contains("Łukasz Peña Ibáñez")
                .contains("Conexión Rural Ñandú S.A.S.")
                .contains("Descuento de bienvenida ¡Año nuevo!")
                .contains("¿Cómo pagar?")
                .contains("Total $ 137.800");
        try (var document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            var fonts = new ArrayList<String>();
            for (var name : resources.getFontNames()) {
                var font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName());
            }
            assertThat(fonts).isNotEmpty().allMatch(n -> n.startsWith("AAAAAA+"));
        }
        assertThat(embedded.render(invoice))
                .as("deterministic with embedded subsets")
                .isEqualTo(pdf);
        assertConcurrentRenderingIsStable(embedded);
    }

    @Test
    void theStandardFontsLeaveOutCharactersBeyondWesternEurope() {
        var customer = new org.wispcrm.core.invoice.CustomerSnapshot(
                "C-7",
                "Łukasz Peña",
                null,
                org.wispcrm.core.common.Address.of("Carrera 9 # 12-40", "Bogotá", "CO"),
                null,
                null,
                Fixtures.ES_CO);

        String text = Pdfs.text(renderer.render(
                Fixtures.issue(customer, COP, Fixtures.spanishInvoice().lines(), 5)));

        assertThat(text).contains("ukasz Peña").doesNotContain("Łukasz");
    }

    @Test
    void theLogoIsPrintedOnTheLetterhead() throws Exception {
        var image = new java.awt.image.BufferedImage(120, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.ORANGE);
        graphics.fillRect(0, 0, 120, 40);
        graphics.dispose();
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        var isp = Fixtures.isp();
        var withLogo = IspProfile.builder(isp.name(), isp.taxId(), isp.address())
                .logo(png.toByteArray())
                .build();

        byte[] pdf = new InvoicePdf(PdfSettings.of(withLogo)).render(Fixtures.spanishInvoice());

        try (var document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            var images = new ArrayList<PDImageXObject>();
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject x) {
                    images.add(x);
                }
            }
            assertThat(images).hasSize(1);
            assertThat(images.get(0).getWidth()).isEqualTo(120);
            assertThat(images.get(0).getHeight()).isEqualTo(40);
        }
        assertThat(Pdfs.text(pdf)).contains("Conexión Rural Ñandú S.A.S.");
        assertConcurrentRenderingIsStable(new InvoicePdf(PdfSettings.of(withLogo)));
    }

    @Test
    void aLogoThatIsNotAnImageFailsAtStartUp() {
        var isp = Fixtures.isp();
        var broken = IspProfile.builder(isp.name(), isp.taxId(), isp.address())
                .logo("not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .build();

        assertThatThrownBy(() -> PdfSettings.of(broken))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("logo");
    }

    /** Four threads render a mix of invoices at once; each result equals the single-threaded rendering. */
    static void assertConcurrentRenderingIsStable(InvoicePdf renderer) throws Exception {
        List<Invoice> invoices =
                List.of(Fixtures.spanishInvoice(), Fixtures.englishInvoice(), Fixtures.longInvoice(60));
        List<byte[]> expected = invoices.stream().map(renderer::render).toList();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var tasks = new ArrayList<Callable<Boolean>>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                tasks.add(() -> {
                    start.await();
                    for (int i = 0; i < 15; i++) {
                        int which = (i + offset) % invoices.size();
                        if (!java.util.Arrays.equals(renderer.render(invoices.get(which)), expected.get(which))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            var futures = new ArrayList<Future<Boolean>>();
            for (var task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (var future : futures) {
                assertThat(future.get()).as("identical bytes on every thread").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
