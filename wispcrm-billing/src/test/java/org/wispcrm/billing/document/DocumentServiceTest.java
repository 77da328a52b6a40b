package org.wispcrm.billing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.billing.BillingWorld.cop;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.document.store.DocumentRunReport;
import org.wispcrm.billing.document.store.DocumentService;
import org.wispcrm.billing.payment.PaymentRequest;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;
import org.wispcrm.core.notification.dispatch.MessageTemplates;
import org.wispcrm.core.notification.dispatch.NotificationDispatcher;
import org.wispcrm.core.payment.PaymentMethod;

class DocumentServiceTest {
    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    @TempDir
    Path root;

    private BillingWorld world;
    private SwitchableStorage storage;
    private DocumentService documents;
    private Customer ana;
    private Customer luis;

    @BeforeEach
    void setUp() {
        world = new BillingWorld(BillingPolicy.defaults(), OCT_1);
        storage = new SwitchableStorage(root);
        documents = new DocumentService(world.store, storage, PdfSettings.of(Fixtures.isp()));
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        ana = world.customer("Ana María Gómez Ñáñez");
        luis = world.customer("Luis Peña", Locale.forLanguageTag("en-US"), false);
        world.subscribe(ana, plan, OCT_1, null);
        world.subscribe(luis, plan, OCT_1, null);
    }

    @Test
    void afterTheRunCommitsEachInvoiceHasItsPdfUnderTheKeyItsMessageCarries() {
        world.clock.today(NOV_1);
        var report = world.billing.invoicing().run(NOV_1, documents.afterCommit());

        assertThat(report.invoiced()).isEqualTo(2);
        for (Customer customer : List.of(ana, luis)) {
            Invoice invoice = world.invoiceOn(customer, NOV_1);
            DocumentKey expected = DocumentKeys.invoice(invoice.requireNumber(), NOV_1);
            assertThat(invoice.documentKey()).isEqualTo(expected);
            assertThat(expected.value()).isEqualTo("invoices/2026/11/" + invoice.requireNumber() + ".pdf");
            assertThat(messageOf(invoice).attachments()).containsExactly(expected);
            assertThat(messageOf(invoice).attachmentsStored())
                    .as("the outbox knows the PDF is stored")
                    .isTrue();
            var stored = storage.get(expected).orElseThrow();
            assertThat(stored.contentType()).isEqualTo("application/pdf");
            assertThat(stored.content()).isEqualTo(new InvoicePdf(PdfSettings.of(Fixtures.isp())).render(invoice));
        }
        String anaText = Pdfs.text(storage.get(world.invoiceOn(ana, NOV_1).documentKey())
                .orElseThrow()
                .content());
        assertThat(anaText).contains("Ana María Gómez Ñáñez").contains("FACTURA DE VENTA");
        String luisText = Pdfs.text(storage.get(world.invoiceOn(luis, NOV_1).documentKey())
                .orElseThrow()
                .content());
        assertThat(luisText).contains("Luis Peña").contains("INVOICE");
    }

    @Test
    void aMonthOfManyPagesIsRenderedOnSeveralThreadsAndOneFailureCostsNobodyElseTheirPdf() {
        var plan = world.plan("Hogar 20 Mbps", cop("80000"));
        for (int i = 0; i < 448; i++) {
            world.subscribe(world.customer("Cliente " + i), plan, OCT_1, null);
        }
        world.clock.today(NOV_1);
        assertThat(world.billing.invoicing().run(NOV_1).invoiced()).isEqualTo(450);
        Invoice unlucky = world.invoiceOn(luis, NOV_1);
        storage.failing.add(documents.invoiceKey(unlucky));

        var first = documents.renderMissing(NOV_1, 3);

        assertThat(first.examined()).isEqualTo(450);
        assertThat(first.rendered()).isEqualTo(449);
        assertThat(first.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.document())
                        .contains(unlucky.requireNumber().value()));
        assertThat(storage.puts).hasValue(449);
        var invoices = world.store
                .invoices()
                .search(InvoiceQuery.all(), PageRequest.first(1000))
                .items();
        assertThat(invoices).hasSize(450).allSatisfy(invoice -> {
            if (invoice.id().equals(unlucky.id())) {
                assertThat(invoice.documentKey()).isNull();
                assertThat(messageOf(invoice).attachmentsStored()).isFalse();
            } else {
                assertThat(invoice.documentKey()).isEqualTo(documents.invoiceKey(invoice));
                assertThat(storage.exists(invoice.documentKey())).isTrue();
                assertThat(messageOf(invoice).attachmentsStored()).isTrue();
            }
        });

        storage.failing.clear();
        var second = documents.renderMissing(NOV_1, 3);
        assertThat(second.examined()).as("only the one left over").isEqualTo(1);
        assertThat(second.rendered()).isEqualTo(1);
        assertThat(world.invoiceOn(luis, NOV_1).documentKey()).isEqualTo(documents.invoiceKey(unlucky));
        assertThat(messageOf(unlucky).attachmentsStored()).isTrue();
        assertThatThrownBy(() -> documents.renderMissing(NOV_1, 0)).hasMessageContaining("threads");
    }

    @Test
    void whenStorageFailsTheInvoicesStayValidAndRenderMissingProducesThePdfsLater() {
        storage.down.set(true);
        world.clock.today(NOV_1);

        var report = world.billing.invoicing().run(NOV_1, documents.afterCommit());

        assertThat(report.invoiced()).isEqualTo(2);
        assertThat(report.failures()).isEmpty();
        for (Customer customer : List.of(ana, luis)) {
            Invoice invoice = world.invoiceOn(customer, NOV_1);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
            assertThat(invoice.documentKey()).isNull();
            assertThat(storage.exists(documents.invoiceKey(invoice))).isFalse();
            assertThat(messageOf(invoice).attachments()).containsExactly(documents.invoiceKey(invoice));
        }

        var stillDown = documents.renderMissing();
        assertThat(stillDown.examined()).isEqualTo(2);
        assertThat(stillDown.rendered()).isZero();
        assertThat(stillDown.failures()).hasSize(2).allMatch(f -> f.reason().contains("storage is down"));

        storage.down.set(false);
        var recovered = documents.renderMissing();

        assertThat(recovered.rendered()).isEqualTo(2);
        assertThat(recovered.failures()).isEmpty();
        for (Customer customer : List.of(ana, luis)) {
            Invoice invoice = world.invoiceOn(customer, NOV_1);
            assertThat(invoice.documentKey()).isEqualTo(documents.invoiceKey(invoice));
            assertThat(storage.exists(invoice.documentKey())).isTrue();
        }
        assertThat(documents.renderMissing().examined())
                .as("nothing left to do")
                .isZero();

        var rerun = world.billing.invoicing().run(NOV_1, documents.afterCommit());
        assertThat(rerun.invoiced()).isZero();
        assertThat(world.invoicesOf(ana)).hasSize(1);
        assertThat(world.invoicesOf(luis)).hasSize(1);
    }

    @Test
    void aPdfStoredBeforeACrashIsKeptAndOnlyItsKeyRecorded() {
        world.runOn(NOV_1); // no documents listener: as if the process died right after committing
        Invoice invoice = world.invoiceOn(ana, NOV_1);
        DocumentKey key = documents.invoiceKey(invoice);
        byte[] earlier = new InvoicePdf(PdfSettings.of(Fixtures.isp())).render(invoice);
        storage.disk.put(key, earlier, DocumentService.PDF);
        int putsBefore = storage.puts.get();

        var report = documents.renderMissing();

        assertThat(report.examined()).isEqualTo(2);
        assertThat(report.recorded()).isEqualTo(1);
        assertThat(report.rendered()).isEqualTo(1);
        assertThat(storage.puts.get() - putsBefore)
                .as("only Luis's PDF was written")
                .isEqualTo(1);
        assertThat(world.invoiceOn(ana, NOV_1).documentKey()).isEqualTo(key);
        assertThat(storage.get(key).orElseThrow().content()).isEqualTo(earlier);
    }

    @Test
    void recordingTheKeyKeepsAPaymentMadeMeanwhile() {
        world.runOn(NOV_1);
        Invoice issued = world.invoiceOn(ana, NOV_1);
        world.store.invoices().save(issued.applyPayment(cop("10000")));

        DocumentKey key = documents.storeInvoice(issued); // the stale copy the listener was handed

        Invoice now = world.invoiceOn(ana, NOV_1);
        assertThat(now.documentKey()).isEqualTo(key);
        assertThat(now.amountPaid()).isEqualTo(cop("10000"));
        assertThat(now.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(now.version()).isEqualTo(issued.version() + 2);
    }

    @Test
    void storingAgainWritesNothingNewAndKeepsOneKey() {
        world.runOn(NOV_1);
        Invoice invoice = world.invoiceOn(ana, NOV_1);
        DocumentKey first = documents.storeInvoice(invoice.id());
        byte[] bytes = storage.get(first).orElseThrow().content();
        int puts = storage.puts.get();
        long version = world.invoiceOn(ana, NOV_1).version();

        DocumentKey second = documents.storeInvoice(invoice.id());

        assertThat(second).isEqualTo(first);
        assertThat(storage.puts.get()).isEqualTo(puts);
        assertThat(world.invoiceOn(ana, NOV_1).version()).isEqualTo(version);
        assertThat(storage.get(first).orElseThrow().content()).isEqualTo(bytes);
    }

    @Test
    void aDryRunStoresNothing() {
        world.clock.today(NOV_1);

        var report = world.billing.invoicing().dryRun(NOV_1, documents.afterCommit());

        assertThat(report.previews()).hasSize(2);
        assertThat(storage.puts.get()).isZero();
    }

    @Test
    void anInvoiceThatWasNeverCommittedIsNotFound() {
        assertThatThrownBy(() -> documents.storeInvoice(Fixtures.spanishInvoice()))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void statementKeysAreDeterministicAndSafe() {
        LocalDate end = LocalDate.of(2026, 11, 30);

        assertThat(DocumentService.statementKey("C-0042", end).value())
                .isEqualTo("statements/2026/11/C-0042_2026-11-30.pdf");
        assertThat(DocumentService.statementKey("../etc/passwd", end).value())
                .isEqualTo("statements/2026/11/c___etc_passwd_2026-11-30.pdf");
        assertThat(DocumentService.statementKey("Ñ 7", end).value())
                .isEqualTo("statements/2026/11/c__7_2026-11-30.pdf");
        assertThat(DocumentKeys.statement("C-0042", LocalDate.of(2027, 3, 31)).value())
                .isEqualTo("statements/2027/03/C-0042_2027-03-31.pdf");
        assertThat(DocumentKeys.invoice(new InvoiceNumber("FE", 7), LocalDate.of(2027, 1, 5))
                        .value())
                .isEqualTo("invoices/2027/01/FE-000007.pdf");
    }

    @Test
    void theMessageWaitsForThePdfAndGoesOutWithItOnceRenderMissingHasRun() {
        storage.down.set(true);
        world.clock.today(NOV_1);
        world.billing.invoicing().run(NOV_1, documents.afterCommit());
        var sent = new ArrayList<OutgoingMessage>();
        NotificationChannel email = new NotificationChannel() {
            @Override
            public ChannelName name() {
                return ChannelName.EMAIL;
            }

            @Override
            public boolean canReach(Recipient recipient) {
                return recipient.email() != null;
            }

            @Override
            public DeliveryReceipt send(OutgoingMessage message) {
                sent.add(message);
                return new DeliveryReceipt(ChannelName.EMAIL, "m-" + sent.size(), world.clock.instant());
            }
        };
        var dispatcher = NotificationDispatcher.builder(
                        world.store.outbox(),
                        world.store.customers(),
                        MessageTemplates.builder().ispName("Conexión Rural").build())
                .channel(email)
                .documentStorage(storage)
                .clock(world.clock)
                .build();

        var first = dispatcher.dispatchDue();

        assertThat(first.sent()).isZero();
        assertThat(first.retried()).isEqualTo(2);
        assertThat(sent).isEmpty();

        storage.down.set(false);
        assertThat(documents.renderMissing().rendered()).isEqualTo(2);
        world.clock.today(NOV_1.plusDays(1));
        var second = dispatcher.dispatchDue();

        assertThat(second.sent()).isEqualTo(2);
        for (OutgoingMessage message : sent) {
            assertThat(message.attachments()).hasSize(1);
            var attachment = message.attachments().get(0);
            assertThat(attachment.contentType()).isEqualTo("application/pdf");
            assertThat(attachment.fileName()).matches("FE-\\d{6}\\.pdf");
            assertThat(Pdfs.text(attachment.content()))
                    .contains(message.recipient().name());
        }
    }

    @Test
    void aPaymentsReceiptAndTheMonthsStatementAreStoredUnderTheirKeys() {
        world.runOn(NOV_1);
        Invoice invoice = world.invoiceOn(ana, NOV_1);
        world.clock.today(NOV_1.plusDays(3));
        var payment = world.billing
                .payments()
                .record(PaymentRequest.of(
                        ana.id(), cop("100000"), PaymentMethod.BANK_TRANSFER, "BANCOLOMBIA-5566", NOV_1.plusDays(3)));

        DocumentKey receiptKey = documents.storeReceipt(payment.id());

        assertThat(receiptKey).isEqualTo(DocumentKeys.receipt(payment.id().toString(), NOV_1.plusDays(3)));
        assertThat(world.store.payments().findById(payment.id()).orElseThrow().documentKey())
                .isEqualTo(receiptKey);
        String receipt = Pdfs.text(storage.get(receiptKey).orElseThrow().content());
        assertThat(receipt)
                .contains("RECIBO DE PAGO")
                .contains("Referencia BANCOLOMBIA-5566")
                .contains("Medio de pago Transferencia bancaria")
                .contains("Ana María Gómez Ñáñez")
                .contains(invoice.requireNumber().value())
                .contains("Valor recibido $ 100.000");

        var statement = world.billing.statements().statement(ana.id(), NOV_1, NOV_1.plusMonths(1));
        DocumentKey statementKey = documents.storeStatement(statement, NOV_1.plusMonths(1));

        assertThat(statementKey.value()).isEqualTo("statements/2026/11/" + ana.code() + "_2026-11-30.pdf");
        String text = Pdfs.text(storage.get(statementKey).orElseThrow().content());
        var formats = java.text.NumberFormat.getCurrencyInstance(Locale.forLanguageTag("es-CO"));
        formats.setMaximumFractionDigits(0);
        assertThat(text)
                .contains("ESTADO DE CUENTA")
                .contains("Periodo 1/11/2026 a 30/11/2026")
                .contains("Factura " + invoice.requireNumber())
                .contains("Pago BANCOLOMBIA-5566")
                .contains(Pdfs.normalize("Saldo a pagar "
                        + formats.format(
                                statement.closingBalance().getNumber().numberValue(java.math.BigDecimal.class))));
        assertThat(statement.closingBalance()).isEqualTo(invoice.total().subtract(cop("100000")));
    }

    @Test
    void receiptsAndCreditNotesMissedDuringAnOutageAreProducedLater() {
        world.runOn(NOV_1);
        Invoice invoice = world.invoiceOn(ana, NOV_1);
        storage.down.set(true);
        var payment = world.billing
                .payments()
                .record(PaymentRequest.of(luis.id(), cop("5000"), PaymentMethod.CASH, "CAJA-0001", NOV_1));
        var note = world.billing.creditNotes().voidInvoice(invoice.requireNumber(), "Factura duplicada por error");

        var during = documents.renderMissing();

        assertThat(during.failures())
                .extracting(DocumentRunReport.Failure::document)
                .containsExactlyInAnyOrder(
                        "invoice " + invoice.requireNumber(),
                        "invoice " + world.invoiceOn(luis, NOV_1).requireNumber(),
                        "credit note " + note.number(),
                        "receipt CAJA-0001");

        storage.down.set(false);
        var after = documents.renderMissing();

        assertThat(after.rendered()).isEqualTo(4);
        assertThat(after.failures()).isEmpty();
        var storedNote = world.store.creditNotes().findById(note.id()).orElseThrow();
        assertThat(storedNote.documentKey()).isEqualTo(DocumentKeys.creditNote(note.number(), note.issueDate()));
        assertThat(Pdfs.text(storage.get(storedNote.documentKey()).orElseThrow().content()))
                .contains("NOTA CRÉDITO")
                .contains("Factura duplicada por error")
                .contains("Esta nota crédito anula por completo la factura " + invoice.requireNumber());
        var storedPayment = world.store.payments().findById(payment.id()).orElseThrow();
        assertThat(storedPayment.documentKey())
                .isEqualTo(DocumentKeys.receipt(payment.id().toString(), NOV_1));
        assertThat(Pdfs.text(
                        storage.get(storedPayment.documentKey()).orElseThrow().content()))
                .contains("PAYMENT RECEIPT")
                .contains("Reference CAJA-0001")
                .contains("Method Cash");
        assertThat(documents.renderMissing().examined()).isZero();
        assertThat(world.store.outbox().findByIdempotencyKey("credit-note-issued:" + note.number()))
                .hasValueSatisfying(m -> assertThat(m.attachmentsStored()).isTrue());
        assertThat(world.store.outbox().findByIdempotencyKey("payment-received:" + payment.id()))
                .hasValueSatisfying(m -> assertThat(m.attachmentsStored()).isTrue());
    }

    private Notification messageOf(Invoice invoice) {
        var found = new ArrayList<Notification>();
        var page = world.store.outbox().findByStatus(NotificationStatus.PENDING, PageRequest.first(1000));
        for (Notification n : page.items()) {
            if (n.idempotencyKey().equals("invoice-issued:" + invoice.requireNumber())) {
                found.add(n);
            }
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
