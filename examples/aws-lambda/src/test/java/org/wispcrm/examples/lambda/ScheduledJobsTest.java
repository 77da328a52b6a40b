package org.wispcrm.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.plan.Plan;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Both handlers invoked with the payloads EventBridge sends, against H2, S3Proxy and a fake UltraMsg: a day's
 * billing queues the messages, the dispatcher sends them with the PDFs in S3, and invoking both again for the same
 * day bills and sends nothing more.
 */
class ScheduledJobsTest {
    private static S3ProxyServer s3;

    @TempDir
    Path directory;

    private LambdaWorld world;
    private Plan hogar10;
    private Plan hogar20;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = new S3ProxyServer();
        // The functions use the SDK's default credentials chain; its first link reads these system properties.
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
    }

    @AfterAll
    static void stopS3() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        s3.close();
    }

    @BeforeEach
    void seed() throws Exception {
        world = new LambdaWorld(directory, s3);
        // 05:00 in Bogotá on 1 November: the plans exist and three customers get their antennas installed.
        world.clock.set(Instant.parse("2026-11-01T10:00:00Z"));
        hogar10 = world.plan("Hogar 10 Mbps", 10, 50_000);
        hogar20 = world.plan("Hogar 20 Mbps", 20, 80_000);
        world.installedCustomer("María Fernanda Rojas", "300 123 4567", hogar10);
        world.installedCustomer("Carlos Andrés Gómez", "+57 310 555 0101", hogar20);
        world.installedCustomer("Luz Dary Martínez", "321-765-4321", hogar10);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void theDailyRunBillsTheDayTheDispatcherSendsItAndNeitherDoesAnythingTwice() throws Exception {
        // The rule fires at 11:00Z, 06:00 in Bogotá.
        world.clock.set(Instant.parse("2026-11-01T11:00:02Z"));
        BillingSummary billed = world.bill("billing-2026-11-01.json");

        assertThat(billed.day()).isEqualTo("2026-11-01");
        assertThat(billed.invoiced()).isEqualTo(3);
        assertThat(billed.alreadyBilled()).isZero();
        // 50,000 + 19% = 59,500 twice, 80,000 + 19% = 95,200.
        assertThat(billed.totals()).containsExactly(Map.entry("COP", "214200.00"));
        assertThat(billed.reminders()).isZero();
        assertThat(billed.failures()).isEmpty();

        List<Invoice> invoices = world.invoices();
        assertThat(invoices)
                .extracting(
                        i -> i.customer().name(),
                        i -> i.total().getNumber().intValueExact(),
                        Invoice::issueDate,
                        Invoice::dueDate,
                        Invoice::status)
                .containsExactlyInAnyOrder(
                        tuple(
                                "María Fernanda Rojas",
                                59_500,
                                LocalDate.of(2026, 11, 1),
                                LocalDate.of(2026, 11, 11),
                                InvoiceStatus.ISSUED),
                        tuple(
                                "Carlos Andrés Gómez",
                                95_200,
                                LocalDate.of(2026, 11, 1),
                                LocalDate.of(2026, 11, 11),
                                InvoiceStatus.ISSUED),
                        tuple(
                                "Luz Dary Martínez",
                                59_500,
                                LocalDate.of(2026, 11, 1),
                                LocalDate.of(2026, 11, 11),
                                InvoiceStatus.ISSUED));
        // Each PDF was stored in S3 as its chunk committed, under the configured prefix.
        assertThat(invoices).allSatisfy(i -> assertThat(i.documentKey()).isNotNull());
        assertThat(objectKeys())
                .containsExactlyInAnyOrderElementsOf(invoices.stream()
                        .map(i -> LambdaWorld.PREFIX + "/" + i.documentKey().value())
                        .toList());
        // Queued, not sent: three "installation done" messages and three invoices.
        assertThat(world.outbox(NotificationStatus.PENDING))
                .extracting(n -> n.kind())
                .containsExactlyInAnyOrder(
                        NotificationKind.ORDER_COMPLETED,
                        NotificationKind.ORDER_COMPLETED,
                        NotificationKind.ORDER_COMPLETED,
                        NotificationKind.INVOICE_ISSUED,
                        NotificationKind.INVOICE_ISSUED,
                        NotificationKind.INVOICE_ISSUED);
        assertThat(world.ultraMsg.received()).isEmpty();

        // Five minutes later the dispatcher runs.
        world.clock.set(Instant.parse("2026-11-01T11:05:01Z"));
        DispatchSummary dispatched = world.dispatch("dispatch.json");

        assertThat(dispatched).isEqualTo(new DispatchSummary(0, 0, 6, 0, 0, 0));
        var sent = world.ultraMsg.sent();
        assertThat(sent).hasSize(6);
        assertThat(world.ultraMsg.received()).hasSize(6);
        assertThat(sent)
                .filteredOn(m -> m.endpoint().equals("chat"))
                .extracting(FakeUltraMsg.Sent::to)
                .containsExactlyInAnyOrder("+573001234567", "+573105550101", "+573217654321");
        assertThat(sent)
                .filteredOn(m -> m.endpoint().equals("chat"))
                .allSatisfy(m -> assertThat(m.text())
                        .contains("Nuestro técnico completó la visita el 1 de noviembre de 2026")
                        .contains("Internet Llanos"));

        var documents =
                sent.stream().filter(m -> m.endpoint().equals("document")).toList();
        assertThat(documents)
                .extracting(FakeUltraMsg.Sent::to)
                .containsExactlyInAnyOrder("+573001234567", "+573105550101", "+573217654321");
        for (Invoice invoice : invoices) {
            String number = invoice.requireNumber().value();
            String phone = world.app
                    .persistence()
                    .customers()
                    .findById(invoice.customerId())
                    .orElseThrow()
                    .profile()
                    .phone()
                    .e164();
            var message = documents.stream()
                    .filter(m -> m.to().equals(phone))
                    .findFirst()
                    .orElseThrow();
            assertThat(message.text())
                    .startsWith("Hola " + invoice.customer().name() + ":")
                    .contains("Tu factura " + number + " por " + pesos(invoice) + " ya está disponible.")
                    .contains("Vence el 11 de noviembre de 2026.")
                    .contains("¡Gracias por confiar en Internet Llanos!");
            assertThat(message.form())
                    .containsEntry("filename", invoice.documentKey().fileName());
            // The document goes as a presigned S3 link UltraMsg fetches: it is the invoice's PDF.
            String link = message.form().get("document");
            assertThat(link).startsWith(s3.endpoint() + "/" + world.bucket + "/" + LambdaWorld.PREFIX + "/");
            String pdfText = pdfText(link);
            assertThat(pdfText)
                    .contains(number)
                    .contains(invoice.customer().name())
                    .contains("Internet Llanos");
        }
        assertThat(world.outbox(NotificationStatus.PENDING)).isEmpty();
        assertThat(world.outbox(NotificationStatus.SENT)).hasSize(6);

        // EventBridge retries, or someone re-runs the day by hand: both functions again for 1 November.
        world.clock.set(Instant.parse("2026-11-01T11:09:30Z"));
        BillingSummary again = world.bill("billing-2026-11-01.json");
        DispatchSummary dispatchedAgain = world.dispatch("dispatch.json");

        assertThat(again.invoiced()).isZero();
        assertThat(again.alreadyBilled()).isEqualTo(3);
        assertThat(again.totals()).isEmpty();
        assertThat(dispatchedAgain).isEqualTo(new DispatchSummary(0, 0, 0, 0, 0, 0));
        assertThat(world.invoices()).hasSize(3);
        assertThat(world.outbox(NotificationStatus.SENT)).hasSize(6);
        assertThat(world.outbox(NotificationStatus.PENDING)).isEmpty();
        assertThat(world.ultraMsg.received()).hasSize(6);
        assertThat(objectKeys()).hasSize(3);
    }

    @Test
    void onTheReminderDayDunningQueuesOneReminderPerInvoiceAndOnlyOnce() {
        world.clock.set(Instant.parse("2026-11-01T11:00:00Z"));
        world.bill("billing-2026-11-01.json");
        world.clock.set(Instant.parse("2026-11-01T11:05:00Z"));
        world.dispatch("dispatch.json");
        assertThat(world.ultraMsg.sent()).hasSize(6);

        // 8 November, three days before the due date: nothing to bill, a reminder for each open invoice.
        world.clock.set(Instant.parse("2026-11-08T11:00:00Z"));
        BillingSummary reminderDay = world.bill("billing-2026-11-08.json");

        assertThat(reminderDay.day()).isEqualTo("2026-11-08");
        assertThat(reminderDay.invoiced()).isZero();
        assertThat(reminderDay.reminders()).isEqualTo(3);
        assertThat(reminderDay.overdueNotices()).isZero();
        assertThat(world.outbox(NotificationStatus.PENDING))
                .extracting(n -> n.kind())
                .containsOnly(NotificationKind.PAYMENT_REMINDER)
                .hasSize(3);

        world.clock.set(Instant.parse("2026-11-08T11:05:00Z"));
        assertThat(world.dispatch("dispatch.json").sent()).isEqualTo(3);
        var reminders = world.ultraMsg.sent().subList(6, 9);
        assertThat(reminders).extracting(FakeUltraMsg.Sent::endpoint).containsOnly("chat");
        assertThat(reminders)
                .extracting(FakeUltraMsg.Sent::to)
                .containsExactlyInAnyOrder("+573001234567", "+573105550101", "+573217654321");
        assertThat(reminders)
                .allSatisfy(m -> assertThat(m.text())
                        .containsPattern(
                                "Te recordamos que tu factura FE-\\d{6} por \\$\u00A0(59\\.500|95\\.200) vence")
                        .contains("vence el 11 de noviembre de 2026")
                        .contains("Si ya pagaste, por favor ignora este mensaje. Internet Llanos"));

        world.clock.set(Instant.parse("2026-11-08T11:10:00Z"));
        BillingSummary again = world.bill("billing-2026-11-08.json");
        assertThat(again.reminders()).isZero();
        assertThat(world.dispatch("dispatch.json").sent()).isZero();
        assertThat(world.ultraMsg.received()).hasSize(9);
    }

    @Test
    void missingPdfsAreRenderedByTheDispatcherBeforeItSendsTheInvoices() throws Exception {
        // S3 is unreachable while the billing run stores the PDFs (the bucket is gone): the invoices are issued, but no
        // document key is recorded and no message is marked as having its PDF stored.
        s3.client().deleteBucket(b -> b.bucket(world.bucket));
        world.clock.set(Instant.parse("2026-11-01T11:00:00Z"));
        world.bill("billing-2026-11-01.json");
        assertThat(world.invoices())
                .hasSize(3)
                .allSatisfy(invoice -> assertThat(invoice.documentKey()).isNull());
        s3.client().createBucket(b -> b.bucket(world.bucket));

        world.clock.set(Instant.parse("2026-11-01T11:05:00Z"));
        DispatchSummary summary = world.dispatch("dispatch.json");

        // The dispatcher's function first renders what is missing, then sends: each invoice goes out with its PDF.
        assertThat(summary.pdfsRendered()).isEqualTo(3);
        assertThat(summary.sent()).isEqualTo(6);
        assertThat(summary.retried()).isZero();
        assertThat(objectKeys())
                .containsExactlyInAnyOrderElementsOf(world.invoices().stream()
                        .map(invoice ->
                                LambdaWorld.PREFIX + "/" + invoice.documentKey().value())
                        .toList());
        assertThat(world.ultraMsg.sent())
                .filteredOn(m -> m.endpoint().equals("document"))
                .extracting(FakeUltraMsg.Sent::text)
                .hasSize(3)
                .allSatisfy(text -> assertThat(text).containsPattern("FE-\\d{6}"));
    }

    /** An invoice's total as a Colombian reads it in a message: "$ 59.500" (a no-break space, no cents). */
    private static String pesos(Invoice invoice) {
        int pesos = invoice.total().getNumber().intValueExact();
        return "$\u00A0" + String.format(java.util.Locale.ROOT, "%,d", pesos).replace(',', '.');
    }

    private List<String> objectKeys() {
        return s3.client().listObjectsV2(b -> b.bucket(world.bucket)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    private static String pdfText(String link) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
