package org.wispcrm.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the quickstart's command line in this JVM, as the README's command does, and checks what a person would look
 * at afterwards: the summary, the database behind it, the PDFs and the outbox folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickstartCommandTest {
    private static final String MONTH = "2026-11";
    private static final int CUSTOMERS = 50;

    @TempDir
    static Path out;

    private static Run first;

    @Test
    @Order(1)
    void aFirstRunBillsEveryCustomerAndTheSummaryMatchesTheDatabase() throws Exception {
        first = run("--customers", String.valueOf(CUSTOMERS), "--month", MONTH, "--out", out.toString());

        assertThat(first.code).as(first.describe()).isZero();
        assertThat(first.err).as("stderr").isEmpty();
        String summary = first.out;
        assertThat(summary).contains("Invoices issued            " + CUSTOMERS + " new invoices, 0 already billed");

        try (Connection db = h2()) {
            assertThat(count(db, "SELECT COUNT(*) FROM invoices WHERE issue_date = DATE '2026-11-01'"))
                    .isEqualTo(CUSTOMERS);
            BigDecimal invoiced = decimal(db, "SELECT SUM(total) FROM invoices WHERE issue_date = DATE '2026-11-01'");
            assertThat(summary).contains("Total invoiced             COP " + grouped(invoiced));

            long lastMonth = count(db, "SELECT COUNT(*) FROM invoices WHERE issue_date = DATE '2026-10-01'");
            long payments = count(db, "SELECT COUNT(*) FROM payments");
            BigDecimal paid = decimal(db, "SELECT SUM(amount) FROM payments");
            assertThat(payments).isPositive().isLessThan(lastMonth);
            assertThat(summary)
                    .contains("Payments                   " + payments + " in 2026-10, COP " + grouped(paid));

            long overdue = count(
                    db,
                    "SELECT COUNT(*) FROM invoices WHERE status IN ('ISSUED', 'PARTIALLY_PAID')"
                            + " AND due_date < DATE '2026-11-01'");
            BigDecimal owed = decimal(
                    db,
                    "SELECT SUM(total - amount_paid - amount_credited) FROM invoices"
                            + " WHERE status IN ('ISSUED', 'PARTIALLY_PAID') AND due_date < DATE '2026-11-01'");
            assertThat(overdue).isPositive();
            assertThat(summary)
                    .contains("Overdue                    " + overdue + " invoices, COP " + grouped(owed) + " due");

            long suspended = count(db, "SELECT COUNT(*) FROM customers WHERE status = 'SUSPENDED'");
            assertThat(suspended).isPositive();
            assertThat(summary).contains("Suspended                  " + suspended + " customers");
            assertThat(count(db, "SELECT COUNT(*) FROM charges WHERE kind = 'LATE_FEE'"))
                    .isEqualTo(overdue);

            long sent = count(db, "SELECT COUNT(*) FROM notifications WHERE status = 'SENT'");
            long dead = count(db, "SELECT COUNT(*) FROM notifications WHERE status = 'DEAD'");
            assertThat(count(db, "SELECT COUNT(*) FROM notifications WHERE status = 'PENDING'"))
                    .as("messages left unsent")
                    .isZero();
            long sentNow = number(summary, "Messages sent\\s+(\\d+)");
            long deadNow = number(summary, "Dead-lettered\\s+(\\d+)");
            long sentBefore = number(summary, "Last month\\s+.* (\\d+) messages sent");
            long deadBefore = number(summary, "Last month\\s+.* (\\d+) dead-lettered");
            assertThat(sentNow + sentBefore).as("messages sent in the summary").isEqualTo(sent);
            assertThat(deadNow + deadBefore).as("dead letters in the summary").isEqualTo(dead);

            // One file per message sent, nothing else in the outbox.
            List<Path> messages = files(out.resolve("outbox"));
            assertThat(messages).hasSize((int) sent);
            assertThat(messages)
                    .allMatch(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".eml"));
        }
    }

    @Test
    @Order(2)
    void everyInvoiceHasItsPdfAndItSaysWhatTheDatabaseSays() throws Exception {
        assertThat(first).as("first run").isNotNull();
        try (Connection db = h2();
                var rows = db.createStatement()
                        .executeQuery("SELECT series, sequence_number, customer_name, document_key FROM invoices")) {
            int invoices = 0;
            while (rows.next()) {
                invoices++;
                String number = rows.getString(1) + "-" + String.format("%06d", rows.getLong(2));
                String key = rows.getString(4);
                assertThat(key).as("document key of " + number).isNotNull().endsWith(number + ".pdf");
                Path pdf = out.resolve("documents").resolve(key);
                assertThat(pdf).exists();
                if (invoices % 20 == 1) {
                    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                        String text = new PDFTextStripper().getText(document);
                        assertThat(text).contains(number).contains(rows.getString(3));
                    }
                }
            }
            assertThat(invoices).isGreaterThan(CUSTOMERS);
            assertThat(files(out.resolve("documents/invoices")))
                    .filteredOn(p -> p.toString().endsWith(".pdf"))
                    .hasSize(invoices);
        }
    }

    @Test
    @Order(3)
    void theOutboxHoldsSpanishMessagesAPersonCanOpen() throws Exception {
        List<Path> texts = files(out.resolve("outbox/whatsapp"));
        List<Path> emails = files(out.resolve("outbox/email"));
        assertThat(texts).isNotEmpty();
        assertThat(emails).isNotEmpty();

        for (Path text : texts) {
            String content = Files.readString(text, StandardCharsets.UTF_8);
            assertThat(content).startsWith("WhatsApp para: ").contains("+57").contains("Hola ");
        }
        Path invoiceText = texts.stream()
                .filter(p -> p.getFileName().toString().startsWith("invoice_issued-"))
                .findFirst()
                .orElseThrow();
        assertThat(Files.readString(invoiceText))
                .contains("Tu factura FE-")
                .contains("ya está disponible")
                .containsPattern("Documento: FE-\\d{6}\\.pdf");

        Path invoiceEmail = emails.stream()
                .filter(p -> p.getFileName().toString().startsWith("invoice_issued-"))
                .findFirst()
                .orElseThrow();
        try (InputStream in = Files.newInputStream(invoiceEmail)) {
            var message = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(message.getSubject()).startsWith("Factura FE-").endsWith("de ConectaLlanos");
            assertThat(message.getFrom()[0].toString()).contains("facturacion@conectallanos.example.com");
            List<Part> parts = new ArrayList<>();
            flatten(message, parts);
            Part plain = parts.stream()
                    .filter(p -> isType(p, "text/plain"))
                    .findFirst()
                    .orElseThrow();
            assertThat((String) plain.getContent()).contains("Hola ").contains("ya está disponible");
            Part pdf = parts.stream()
                    .filter(p -> isType(p, "application/pdf"))
                    .findFirst()
                    .orElseThrow();
            assertThat(pdf.getFileName()).matches("FE-\\d{6}\\.pdf");
            byte[] bytes = pdf.getInputStream().readAllBytes();
            assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(bytes).isEqualTo(Files.readAllBytes(pdfOf(pdf.getFileName())));
        }
    }

    @Test
    @Order(4)
    void aSecondRunOfTheSameMonthBillsNothingTwiceAndSaysSo() throws Exception {
        assertThat(first).as("first run").isNotNull();
        long filesBefore = files(out.resolve("outbox")).size();
        long invoicesBefore;
        try (Connection db = h2()) {
            invoicesBefore = count(db, "SELECT COUNT(*) FROM invoices");
        }

        Run second = run("--customers", String.valueOf(CUSTOMERS), "--month", MONTH, "--out", out.toString());

        assertThat(second.code).as(second.describe()).isZero();
        assertThat(second.out)
                .contains("0 new invoices, " + CUSTOMERS + " already billed")
                .contains("Nothing was billed twice")
                .contains("Messages sent              0 ");
        try (Connection db = h2()) {
            assertThat(count(db, "SELECT COUNT(*) FROM invoices")).isEqualTo(invoicesBefore);
            assertThat(count(db, "SELECT COUNT(*) FROM customers")).isEqualTo(CUSTOMERS);
        }
        assertThat(files(out.resolve("outbox"))).hasSize((int) filesBefore);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--month 2026-13",
                "--month november",
                "--customers 0",
                "--customers -5",
                "--customers many",
                "--no-such-option",
                "--out"
            })
    void badOptionsGetOneLineAndExitCodeTwo(String arguments, @TempDir Path elsewhere) {
        List<String> args = new ArrayList<>(List.of(arguments.split(" ")));
        if (!arguments.startsWith("--out")) {
            args.addAll(List.of("--out", elsewhere.toString()));
        }

        Run run = run(args.toArray(String[]::new));

        assertThat(run.code).as(run.describe()).isEqualTo(2);
        assertThat(run.out).as("stdout").isEmpty();
        assertThat(run.err.lines()).as("stderr").hasSize(1);
        assertThat(run.err)
                .startsWith("wispcrm-quickstart: ")
                .contains(arguments.split(" ")[0]);
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void helpListsTheOptionsAndExitsZero() {
        Run run = run("--help");

        assertThat(run.code).isZero();
        assertThat(run.out).contains("--customers=N", "--month=YYYY-MM", "--db=JDBC-URL", "--out=DIR", "--help");
    }

    // ---------------------------------------------------------------------------------------------------------

    static Run run(String... args) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code;
        try (var outStream = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
                var errStream = new java.io.PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = QuickstartCommand.run(args, outStream, errStream);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int code, String out, String err) {
        String describe() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private static Connection h2() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + out.toAbsolutePath().resolve("db/wispcrm"));
    }

    static long count(Connection db, String sql) throws SQLException {
        try (var rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static BigDecimal decimal(Connection db, String sql) throws SQLException {
        try (var rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getBigDecimal(1);
        }
    }

    /** {@code 1234567.0000} as the summary prints whole pesos: {@code 1,234,567}. */
    static String grouped(BigDecimal amount) {
        return String.format(
                java.util.Locale.ROOT,
                "%,d",
                amount.setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact());
    }

    static long number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("/" + regex + "/ in\n" + text).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    static List<Path> files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static Path pdfOf(String fileName) throws Exception {
        return files(out.resolve("documents/invoices")).stream()
                .filter(p -> p.getFileName().toString().equals(fileName))
                .findFirst()
                .orElseThrow();
    }

    private static void flatten(Part part, List<Part> into) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                flatten(multipart.getBodyPart(i), into);
            }
        } else {
            into.add(part);
        }
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
