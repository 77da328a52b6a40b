package org.wispcrm.billing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.CustomerSnapshot;

class LabelsTest {
    private static final PdfSettings HOST = PdfSettings.builder(Fixtures.isp())
            .hostLabels("com.example.isp.pdf-labels", LabelsTest.class.getClassLoader())
            .build();

    @Test
    void theHostsBundleWinsKeyByKeyAndTheBuiltInLabelsFillTheRest() {
        String text = Pdfs.text(new InvoicePdf(HOST).render(Fixtures.spanishInvoice()));

        assertThat(text)
                .contains("FACTURA ELECTRÓNICA DE VENTA")
                .contains("Impuesto al valor agregado 19 % $ 22.800")
                .contains("Fecha de expedición 05/11/2026")
                .contains("Saldo a pagar $ 137.800")
                .contains("Descripción Cant. Valor unitario")
                .doesNotContain("FACTURA DE VENTA")
                .doesNotContain("IVA 19 %");
    }

    @Test
    void aHostThatOverridesOnlySpanishLeavesEnglishAlone() {
        String text = Pdfs.text(new InvoicePdf(HOST).render(Fixtures.englishInvoice()));

        assertThat(text).contains("INVOICE").contains("Tax 7% $3.50").contains("Date Nov 5, 2026");
    }

    @Test
    void aHostCanAddALanguageOnTopOfEnglish() {
        var invoice = withLocale(Locale.forLanguageTag("pt-BR"));

        String text = Pdfs.text(new InvoicePdf(HOST).render(invoice));

        assertThat(text)
                .contains("FATURA")
                .contains("Saldo devedor")
                .contains("Subtotal")
                .contains("Description");
    }

    @Test
    void aLanguageWithoutBundleGetsEnglishWhateverTheJvmDefault() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("es-CO"));
        try {
            var settings = PdfSettings.of(Fixtures.isp());
            String text = Pdfs.text(new InvoicePdf(settings).render(withLocale(Locale.FRANCE)));

            assertThat(text).contains("INVOICE").contains("Balance due").doesNotContain("Saldo a pagar");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMisspeltHostBundleFailsAtStartUp() {
        var builder = PdfSettings.builder(Fixtures.isp())
                .hostLabels("com.example.isp.pdf-lables", LabelsTest.class.getClassLoader());

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("com.example.isp.pdf-lables");
    }

    @Test
    void everyBuiltInKeyHasBothLanguages() throws Exception {
        var english = new java.util.Properties();
        var spanish = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(
                getClass().getResourceAsStream("/org/wispcrm/billing/document/labels.properties"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            english.load(in);
        }
        try (var in = new java.io.InputStreamReader(
                getClass().getResourceAsStream("/org/wispcrm/billing/document/labels_es.properties"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            spanish.load(in);
        }

        assertThat(spanish.keySet()).isEqualTo(english.keySet());
        assertThat(spanish.getProperty("creditNote.title")).isEqualTo("NOTA CRÉDITO");
    }

    private static org.wispcrm.core.invoice.Invoice withLocale(Locale locale) {
        CustomerSnapshot c = Fixtures.englishCustomer();
        var customer = new CustomerSnapshot(c.code(), c.name(), null, c.address(), null, null, locale);
        var english = Fixtures.englishInvoice();
        return Fixtures.issue(customer, english.currency(), english.lines(), 77);
    }
}
