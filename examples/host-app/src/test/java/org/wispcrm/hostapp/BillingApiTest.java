package org.wispcrm.hostapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.wispcrm.hostapp.security.Role;

class BillingApiTest extends ApiTestBase {

    @Test
    void theSeedsInvoiceEndpointIssuesTheCurrentPeriodOnceWithItsPdf() throws Exception {
        String plan = newPlan("Hogar", 65_000);
        String customer = seedCustomer("Carla Factura", plan);

        var first = post(Role.BILLING, "/factura/generar/" + customer, null);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        var invoice = first.json();
        assertThat(invoice.get("status").asString()).isEqualTo("ISSUED");
        assertThat(invoice.get("number").asString()).startsWith("FE-");
        // 65,000 + 19% VAT
        assertThat(invoice.get("subtotal").get("amount").decimalValue()).isEqualByComparingTo("65000.00");
        assertThat(invoice.get("taxTotal").get("amount").decimalValue()).isEqualByComparingTo("12350.00");
        assertThat(invoice.get("total").get("amount").decimalValue()).isEqualByComparingTo("77350.00");

        var again = post(Role.BILLING, "/factura/generar/" + customer, null);
        assertThat(again.json().get("id").asString())
                .isEqualTo(invoice.get("id").asString());
        assertThat(get(Role.BILLING, "/api/invoices?customerId=" + customer)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);

        var pdf = get(Role.SUPPORT, "/api/invoices/" + invoice.get("id").asString() + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (var doc = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(invoice.get("number").asString())
                    .contains("Carla Factura")
                    // the letterhead from wispcrm.isp.* (a '#' in YAML must be quoted)
                    .contains("Calle 1 # 2-3");
        }

        var unknown = post(Role.BILLING, "/factura/generar/01900000-0000-7000-8000-000000000000", null);
        assertThat(unknown.status()).isEqualTo(404);
        var malformed = post(Role.BILLING, "/factura/generar/abc", null);
        assertThat(malformed.violatedFields()).containsExactly("clienteId");
    }

    @Test
    void paymentsPayInvoicesOffOnceAndBadOnesNameTheirFields() {
        String plan = newPlan("Pagos", 50_000);
        String customer = seedCustomer("Pedro Pagos", plan);
        var invoice = post(Role.BILLING, "/factura/generar/" + customer, null).json();
        String invoiceId = invoice.get("id").asString();
        // 50,000 + 19% = 59,500

        var part = post(
                Role.BILLING,
                "/api/payments",
                Map.of("customerId", customer, "amount", 20000, "method", "CASH", "reference", "caja-" + customer));
        assertThat(part.status()).as(part.text()).isEqualTo(201);
        assertThat(get(Role.BILLING, "/api/invoices/" + invoiceId)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PARTIALLY_PAID");
        // the same reference again is the same payment
        var replay = post(
                Role.BILLING,
                "/api/payments",
                Map.of("customerId", customer, "amount", 20000, "method", "CASH", "reference", "caja-" + customer));
        assertThat(replay.json().get("id").asString())
                .isEqualTo(part.json().get("id").asString());

        var rest = post(
                Role.BILLING,
                "/api/payments",
                Map.of(
                        "customerId",
                        customer,
                        "amount",
                        39500,
                        "method",
                        "BANK_TRANSFER",
                        "invoiceNumber",
                        invoice.get("number").asString()));
        assertThat(rest.status()).isEqualTo(201);
        var paid = get(Role.BILLING, "/api/invoices/" + invoiceId).json();
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("balance").get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(get(Role.BILLING, "/api/payments?customerId=" + customer)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(2);

        var bad = post(Role.BILLING, "/api/payments", Map.of("customerId", "nope", "amount", 0, "method", "GOLD"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.violatedFields()).containsExactlyInAnyOrder("customerId", "amount", "method");
    }

    @Test
    void creditNotesVoidAnInvoiceOnceThenConflict() {
        String plan = newPlan("Notas", 40_000);
        String customer = seedCustomer("Nora Notas", plan);
        var invoice = post(Role.BILLING, "/factura/generar/" + customer, null).json();
        String number = invoice.get("number").asString();

        var voided = post(
                Role.BILLING,
                "/api/credit-notes",
                Map.of("invoiceNumber", number, "voidInvoice", true, "reason", "Error"));
        assertThat(voided.status()).as(voided.text()).isEqualTo(201);
        assertThat(voided.json().get("total").get("amount").decimalValue()).isEqualByComparingTo("47600.00");
        assertThat(get(Role.BILLING, "/api/invoices/" + invoice.get("id").asString())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("VOID");
        var twice = post(
                Role.BILLING,
                "/api/credit-notes",
                Map.of("invoiceNumber", number, "voidInvoice", true, "reason", "Error"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(get(Role.SUPPORT, "/api/credit-notes?customerId=" + customer)
                        .json()
                        .size())
                .isEqualTo(1);
        var bad = post(Role.BILLING, "/api/credit-notes", Map.of("invoiceNumber", "??", "amount", -1));
        assertThat(bad.violatedFields()).contains("invoiceNumber", "amount");
    }

    @Test
    void aDryRunShowsWhatARunIssuesAndASecondRunIssuesNothing() {
        String plan = newPlan("Corrida", 30_000);
        String customer = seedCustomer("Rita Corrida", plan);
        String today = get(Role.BILLING, "/api/customers/" + customer + "/subscriptions")
                .json()
                .get(0)
                .get("activatedOn")
                .asString();

        var dry = post(Role.BILLING, "/api/billing-runs", Map.of("date", today, "dryRun", true))
                .json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("previews").size()).isGreaterThanOrEqualTo(1);
        assertThat(get(Role.BILLING, "/api/invoices?customerId=" + customer)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();

        var run = post(Role.BILLING, "/api/billing-runs", Map.of("date", today)).json();
        assertThat(run.get("invoiced").asLong()).isGreaterThanOrEqualTo(1);
        var invoices = get(Role.BILLING, "/api/invoices?customerId=" + customer).json();
        assertThat(invoices.get("totalItems").asLong()).isEqualTo(1);
        assertThat(invoices.get("items").get(0).get("total").get("amount").decimalValue())
                .isEqualByComparingTo("35700.00");

        var rerun =
                post(Role.BILLING, "/api/billing-runs", Map.of("date", today)).json();
        assertThat(rerun.get("invoiced").asLong()).isZero();
        assertThat(get(Role.BILLING, "/api/invoices?customerId=" + customer)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);

        assertThat(post(Role.BILLING, "/api/billing-runs", Map.of("date", "tomorrow"))
                        .violatedFields())
                .containsExactly("date");
        assertThat(post(Role.BILLING, "/api/dunning-runs", Map.of("date", today))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void reportsAnswerWithMoneyAndRejectBadMonths() {
        var monthly = get(Role.BILLING, "/api/reports/monthly");
        assertThat(monthly.status()).isEqualTo(200);
        assertThat(monthly.json().size()).isEqualTo(6);
        assertThat(monthly.json().get(5).get("invoiced").get("currency").asString())
                .isEqualTo("COP");
        var aging = get(Role.BILLING, "/api/reports/aging").json();
        assertThat(aging.get("current").get("currency").asString()).isEqualTo("COP");
        assertThat(get(Role.BILLING, "/api/reports/revenue").status()).isEqualTo(200);
        assertThat(get(Role.BILLING, "/api/reports/monthly?from=2026-13").violatedFields())
                .containsExactly("from");
    }
}
