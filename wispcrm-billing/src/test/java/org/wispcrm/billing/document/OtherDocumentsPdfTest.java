package org.wispcrm.billing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.billing.document.Fixtures.COP;
import static org.wispcrm.billing.document.Fixtures.cop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.document.StatementView.Entry;
import org.wispcrm.billing.document.StatementView.EntryKind;

/** Credit notes, receipts and statements, read back with PDFBox. */
class OtherDocumentsPdfTest {
    private static final PdfSettings SETTINGS = PdfSettings.of(Fixtures.isp());

    @Test
    void aCreditNoteNamesTheInvoiceTheReasonAndTheAmountCredited() {
        String text = Pdfs.text(new CreditNotePdf(SETTINGS).render(Fixtures.creditNote()));

        assertThat(text)
                .contains("NOTA CRÉDITO")
                .contains("Nota crédito n.º NC-000004")
                .contains("Fecha de expedición 8/11/2026")
                .contains("Factura afectada FE-000123")
                .contains("José Ángel Muñoz Peña")
                .contains("Motivo")
                .contains("Instalación no realizada: el cliente canceló la visita técnica")
                .contains("Instalación y configuración del enrutador 1 $ 80.000 19 % $ 80.000")
                .contains("Subtotal $ 80.000")
                .contains("IVA 19 % $ 15.200")
                .contains("Total acreditado $ 95.200")
                .contains("NC-000004 Página 1 de 1")
                .doesNotContain("anula por completo");
    }

    @Test
    void aCreditNoteThatVoidsTheInvoiceSaysSo() {
        var invoice = Fixtures.spanishInvoice();
        var note = org.wispcrm.core.invoice.CreditNote.issue(
                org.wispcrm.core.common.CreditNoteId.newId(),
                new org.wispcrm.core.invoice.InvoiceNumber("NC", 5),
                invoice,
                Fixtures.ISSUED,
                invoice.lines().subList(0, 2),
                "Factura emitida por error",
                true);

        String text = Pdfs.text(new CreditNotePdf(SETTINGS).render(note));

        assertThat(text)
                .contains("Esta nota crédito anula por completo la factura FE-000123.")
                .contains("Total acreditado $ 154.700");
    }

    @Test
    void aReceiptShowsWhatWasPaidWhereItWentAndTheCreditLeft() {
        String text = Pdfs.text(new ReceiptPdf(SETTINGS).render(Fixtures.payment(), Fixtures.spanishCustomer()));

        assertThat(text)
                .contains("RECIBO DE PAGO")
                .contains("Referencia NEQUI-778899")
                .contains("Fecha de recibo 7/11/2026")
                .contains("Medio de pago Billetera móvil")
                .contains("Estado Recibido")
                .contains("José Ángel Muñoz Peña")
                .contains("Factura Valor aplicado")
                .contains("FE-000123 $ 137.800")
                .contains("Valor recibido $ 150.000")
                .contains("Aplicado a facturas $ 137.800")
                .contains("Queda como saldo a su favor $ 12.200")
                .contains("¡Gracias por su pago!")
                .contains("NEQUI-778899 Página 1 de 1");
    }

    @Test
    void aReversedReceiptSaysWhenAndWhy() {
        var reversed = Fixtures.payment().reverse(Fixtures.ISSUED.plusDays(4), "Transferencia rechazada por el banco");

        String text = Pdfs.text(new ReceiptPdf(SETTINGS).render(reversed, Fixtures.spanishCustomer()));

        assertThat(text)
                .contains("Estado Anulado")
                .contains("ANULADO el 9/11/2026: Transferencia rechazada por el banco")
                .doesNotContain("¡Gracias por su pago!");
    }

    @Test
    void anEnglishReceiptInDollarsKeepsTheCents() {
        var payment = new org.wispcrm.core.payment.Payment(
                org.wispcrm.core.common.PaymentId.newId(),
                Fixtures.CUSTOMER,
                Fixtures.usd("60.25"),
                org.wispcrm.core.payment.PaymentMethod.CARD,
                "CARD-4242",
                Fixtures.ISSUED,
                List.of(new org.wispcrm.core.payment.PaymentAllocation(
                        Fixtures.englishInvoice().id(),
                        Fixtures.englishInvoice().requireNumber(),
                        Fixtures.usd("53.50"))),
                org.wispcrm.core.payment.PaymentStatus.RECORDED,
                null,
                null,
                java.time.Instant.parse("2026-11-05T12:00:00Z"),
                null,
                0);

        String text = Pdfs.text(new ReceiptPdf(SETTINGS).render(payment, Fixtures.englishCustomer()));

        assertThat(text)
                .contains("PAYMENT RECEIPT")
                .contains("Method Card")
                .contains("INV-000007 $53.50")
                .contains("Amount received $60.25")
                .contains("Left as credit in your favour $6.75")
                .contains("Thank you for your payment.");
    }

    @Test
    void aStatementRunsTheBalanceFromTheOpeningToTheClosing() {
        var statement = new StatementView(
                Fixtures.spanishCustomer(),
                COP,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 1),
                cop(20_000),
                List.of(
                        new Entry(
                                Fixtures.ISSUED, EntryKind.INVOICE, "FE-000123", "Plan Hogar, noviembre", cop(137_800)),
                        new Entry(
                                LocalDate.of(2026, 11, 7),
                                EntryKind.PAYMENT,
                                "NEQUI-778899",
                                "Pago Nequi",
                                cop(-150_000)),
                        new Entry(
                                LocalDate.of(2026, 11, 8),
                                EntryKind.CREDIT_NOTE,
                                "NC-000004",
                                "Instalación no realizada",
                                cop(-95_200)),
                        new Entry(
                                LocalDate.of(2026, 11, 9),
                                EntryKind.PAYMENT_REVERSAL,
                                "NEQUI-778899",
                                "Rechazado",
                                cop(150_000))));

        String text = Pdfs.text(new StatementPdf(SETTINGS).render(statement));

        assertThat(statement.closingBalance()).isEqualTo(cop(62_600));
        assertThat(text)
                .contains("ESTADO DE CUENTA")
                .contains("Periodo 1/11/2026 a 30/11/2026")
                .contains("Fecha Documento Descripción Cargos Pagos y abonos Saldo")
                .contains("1/11/2026 Saldo anterior $ 20.000")
                .contains("5/11/2026 Factura FE-000123 Plan Hogar, noviembre $ 137.800 $ 157.800")
                .contains("7/11/2026 Pago NEQUI-778899 Pago Nequi $ 150.000 $ 7.800")
                .contains("8/11/2026 Nota crédito NC-000004 Instalación no realizada $ 95.200 -$ 87.400")
                .contains("9/11/2026 Pago anulado NEQUI-778899 Rechazado $ 150.000 $ 62.600")
                .contains("Total cargos $ 287.800")
                .contains("Total pagos y abonos -$ 245.200")
                .contains("Saldo a pagar $ 62.600")
                .contains("¿Cómo pagar?");
    }

    @Test
    void aLongStatementRepeatsItsHeaderOnEveryPage() {
        var entries = new ArrayList<Entry>();
        for (int i = 1; i <= 150; i++) {
            entries.add(new Entry(Fixtures.ISSUED, EntryKind.INVOICE, "FE-" + (1000 + i), "Cargo " + i, cop(1_000)));
        }
        var statement = new StatementView(
                Fixtures.spanishCustomer(),
                COP,
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 1, 1),
                cop(0),
                entries);

        var pages = Pdfs.pages(new StatementPdf(SETTINGS).render(statement));

        assertThat(pages).hasSizeGreaterThan(2);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i))
                    .contains("Fecha Documento Descripción Cargos Pagos y abonos Saldo")
                    .contains("Página " + (i + 1) + " de " + pages.size());
        }
        assertThat(pages.get(pages.size() - 1)).contains("Saldo a pagar $ 150.000");
    }
}
