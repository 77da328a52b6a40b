package org.wispcrm.hostapp.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.document.store.DocumentService;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.payment.PaymentMethod;
import org.wispcrm.core.payment.PaymentQuery;
import org.wispcrm.core.payment.PaymentStatus;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.hostapp.security.Role.Can;

/** Invoices (with PDFs), payments, credit notes, billing and dunning runs, and reports. */
@RestController
@RequestMapping("/api")
public class BillingApi {
    private final WispCrm crm;
    private final Billing billing;
    private final Operations ops;
    private final DocumentService documents;
    private final BillingPolicy policy;

    /** Over the library. */
    public BillingApi(WispCrm crm, Billing billing, Operations ops, DocumentService documents, BillingPolicy policy) {
        this.crm = crm;
        this.billing = billing;
        this.ops = ops;
        this.documents = documents;
        this.policy = policy;
    }

    /** An on-demand invoice for a customer and period (default: what a run would bill today). */
    public record NewInvoice(
            @Nullable String customerId,
            @Nullable String periodStart,
            @Nullable String periodEnd) {}

    /** A payment to record. */
    public record NewPayment(
            @Nullable String customerId,
            @Nullable BigDecimal amount,
            @Nullable String method,
            @Nullable String reference,
            @Nullable String receivedOn,
            @Nullable String invoiceNumber) {}

    /** A reversal of a payment (a bounced transfer, say). */
    public record Reversal(
            @Nullable String reason, @Nullable String on) {}

    /** A credit note: the whole invoice ({@code voidInvoice}) or an amount. */
    public record NewCreditNote(
            @Nullable String invoiceNumber,
            @Nullable Boolean voidInvoice,
            @Nullable BigDecimal amount,
            @Nullable String taxCategory,
            @Nullable String description,
            @Nullable String reason) {}

    /** A billing or dunning run for a date (default today); {@code dryRun} saves nothing. */
    public record RunRequest(
            @Nullable String date, @Nullable Boolean dryRun) {
        boolean dry() {
            return Boolean.TRUE.equals(dryRun);
        }
    }

    // ---- invoices ------------------------------------------------------------------------------------------

    /** Invoices by customer, status and issue dates. */
    @GetMapping("/invoices")
    @PreAuthorize(Can.READ_BILLING)
    public Json.PageJson<Json.InvoiceJson> invoices(
            @RequestParam(required = false) @Nullable String customerId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String issuedFrom,
            @RequestParam(required = false) @Nullable String issuedBefore,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        var v = new Violations();
        var query = new InvoiceQuery(
                Params.optionalId(v, "customerId", customerId, CustomerId::new),
                Params.optionalEnum(v, "status", status, InvoiceStatus.class),
                Params.optionalDate(v, "issuedFrom", issuedFrom),
                Params.optionalDate(v, "issuedBefore", issuedBefore));
        var pageRequest = Params.page(v, page, size);
        v.throwIfAny();
        return Json.page(crm.persistence().invoices().search(query, pageRequest), Json::invoice);
    }

    /** One invoice. */
    @GetMapping("/invoices/{id}")
    @PreAuthorize(Can.READ_BILLING)
    public Json.InvoiceJson invoice(@PathVariable String id) {
        return Json.invoice(ops.invoice(invoiceId(id)));
    }

    /** The invoice's PDF. */
    @GetMapping("/invoices/{id}/pdf")
    @PreAuthorize(Can.READ_BILLING)
    public ResponseEntity<byte[]> pdf(@PathVariable String id) {
        var doc = ops.invoicePdf(invoiceId(id));
        String file = doc.key().value().substring(doc.key().value().lastIndexOf('/') + 1);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(file).build().toString())
                .body(doc.content());
    }

    /** Issues an invoice now (idempotent per customer and period start). */
    @PostMapping("/invoices")
    @PreAuthorize(Can.BILL)
    public ResponseEntity<Json.InvoiceJson> generate(@RequestBody NewInvoice body) {
        var v = new Violations();
        CustomerId customer = Params.id(v, "customerId", body.customerId(), CustomerId::new);
        LocalDate start = Params.optionalDate(v, "periodStart", body.periodStart());
        LocalDate end = Params.optionalDate(v, "periodEnd", body.periodEnd());
        v.require(start != null || end == null, "periodStart", null, "is required with periodEnd");
        v.throwIfAny();
        var invoice = start == null
                ? ops.generateCurrentInvoice(customer)
                : billing.invoicing()
                        .generateFor(
                                customer,
                                end == null ? BillingPeriod.monthStartingOn(start) : BillingPeriod.of(start, end));
        ops.storePdf(invoice);
        var json = Json.invoice(invoice);
        return ResponseEntity.created(URI.create("/api/invoices/" + json.id())).body(json);
    }

    // ---- payments ------------------------------------------------------------------------------------------

    /** Payments by customer, status and dates. */
    @GetMapping("/payments")
    @PreAuthorize(Can.READ_BILLING)
    public Json.PageJson<Json.PaymentJson> payments(
            @RequestParam(required = false) @Nullable String customerId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String receivedFrom,
            @RequestParam(required = false) @Nullable String receivedBefore,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        var v = new Violations();
        var query = new PaymentQuery(
                Params.optionalId(v, "customerId", customerId, CustomerId::new),
                Params.optionalEnum(v, "status", status, PaymentStatus.class),
                Params.optionalDate(v, "receivedFrom", receivedFrom),
                Params.optionalDate(v, "receivedBefore", receivedBefore));
        var pageRequest = Params.page(v, page, size);
        v.throwIfAny();
        return Json.page(crm.persistence().payments().search(query, pageRequest), Json::payment);
    }

    /** Records a payment, allocated oldest invoice first unless an invoice is named. */
    @PostMapping("/payments")
    @PreAuthorize(Can.BILL)
    public ResponseEntity<Json.PaymentJson> pay(@RequestBody NewPayment body) {
        var v = new Violations();
        CustomerId customer = Params.id(v, "customerId", body.customerId(), CustomerId::new);
        var amount = Params.positiveAmount(
                v, "amount", body.amount(), policy.currency().getCurrencyCode());
        PaymentMethod method = Params.requiredEnum(v, "method", body.method(), PaymentMethod.class);
        LocalDate on = Params.optionalDate(v, "receivedOn", body.receivedOn());
        InvoiceNumber number =
                body.invoiceNumber() == null || body.invoiceNumber().isBlank()
                        ? null
                        : v.capture(
                                "invoiceNumber",
                                () -> InvoiceNumber.parse(body.invoiceNumber().strip()));
        v.throwIfAny();
        var payment = ops.recordPayment(customer, amount, method, body.reference(), on, number);
        var json = Json.payment(payment);
        return ResponseEntity.created(URI.create("/api/payments?customerId=" + json.customerId()))
                .body(json);
    }

    /** Reverses a payment by its reference. */
    @PostMapping("/payments/{reference}/reverse")
    @PreAuthorize(Can.BILL)
    public Json.PaymentJson reverse(@PathVariable String reference, @RequestBody Reversal body) {
        var v = new Violations();
        LocalDate on = Params.optionalDate(v, "on", body.on());
        v.throwIfAny();
        return Json.payment(billing.payments().reverse(reference, on == null ? ops.today() : on, body.reason()));
    }

    // ---- credit notes --------------------------------------------------------------------------------------

    /** Credit notes of a customer or of an invoice. */
    @GetMapping("/credit-notes")
    @PreAuthorize(Can.READ_BILLING)
    public List<Json.CreditNoteJson> creditNotes(
            @RequestParam(required = false) @Nullable String customerId,
            @RequestParam(required = false) @Nullable String invoiceId) {
        var v = new Violations();
        CustomerId customer = Params.optionalId(v, "customerId", customerId, CustomerId::new);
        InvoiceId invoice = Params.optionalId(v, "invoiceId", invoiceId, InvoiceId::new);
        v.require(customer != null || invoice != null, "customerId", null, "customerId or invoiceId is required");
        v.throwIfAny();
        var repo = crm.persistence().creditNotes();
        var notes = invoice != null ? repo.findByInvoice(invoice) : repo.findByCustomer(customer);
        return notes.stream().map(Json::creditNote).toList();
    }

    /** Issues a credit note. */
    @PostMapping("/credit-notes")
    @PreAuthorize(Can.BILL)
    public ResponseEntity<Json.CreditNoteJson> credit(@RequestBody NewCreditNote body) {
        var v = new Violations();
        InvoiceNumber number =
                body.invoiceNumber() == null || body.invoiceNumber().isBlank()
                        ? null
                        : v.capture(
                                "invoiceNumber",
                                () -> InvoiceNumber.parse(body.invoiceNumber().strip()));
        v.require(
                body.invoiceNumber() != null && !body.invoiceNumber().isBlank(), "invoiceNumber", null, "is required");
        var amount = Boolean.TRUE.equals(body.voidInvoice())
                ? null
                : Params.positiveAmount(
                        v, "amount", body.amount(), policy.currency().getCurrencyCode());
        TaxCategory tax = body.taxCategory() == null || body.taxCategory().isBlank()
                ? TaxCategory.STANDARD
                : v.capture(
                        "taxCategory", () -> new TaxCategory(body.taxCategory().strip()));
        v.throwIfAny();
        var note = Boolean.TRUE.equals(body.voidInvoice())
                ? billing.creditNotes().voidInvoice(number, body.reason())
                : billing.creditNotes().credit(number, amount, tax, body.description(), body.reason());
        try {
            documents.storeCreditNote(note.id());
        } catch (WispCrmException e) {
            // left for a later render; the note itself is committed
        }
        var json = Json.creditNote(note);
        return ResponseEntity.created(URI.create("/api/credit-notes?invoiceId=" + json.invoiceId()))
                .body(json);
    }

    // ---- runs ----------------------------------------------------------------------------------------------

    /** A billing run for a date; with {@code dryRun} it shows the invoices it would issue. */
    @PostMapping("/billing-runs")
    @PreAuthorize(Can.BILL)
    public Json.BillingRunJson billingRun(@RequestBody RunRequest body) {
        var v = new Violations();
        LocalDate date = Params.optionalDate(v, "date", body.date());
        v.throwIfAny();
        LocalDate on = date == null ? ops.today() : date;
        var report = body.dry()
                ? billing.invoicing().dryRun(on)
                : billing.invoicing().run(on, documents.afterCommit());
        return Json.billingRun(report);
    }

    /** A dunning run for a date: reminders, late fees, suspensions. */
    @PostMapping("/dunning-runs")
    @PreAuthorize(Can.BILL)
    public Map<String, Object> dunningRun(@RequestBody RunRequest body) {
        var v = new Violations();
        LocalDate date = Params.optionalDate(v, "date", body.date());
        v.require(!body.dry(), "dryRun", true, "is not supported for dunning");
        v.throwIfAny();
        var r = billing.dunning().run(date == null ? ops.today() : date);
        return Map.of(
                "date", r.date(),
                "invoicesExamined", r.invoicesExamined(),
                "reminders", r.reminders(),
                "overdueNotices", r.overdueNotices(),
                "lateFees", r.lateFees(),
                "suspensions", r.suspensions(),
                "failures", r.failures().size());
    }

    // ---- reports -------------------------------------------------------------------------------------------

    /** Invoiced, credited and collected per month ({@code from}/{@code to} as 2026-01; default the last 6). */
    @GetMapping("/reports/monthly")
    @PreAuthorize(Can.BILL)
    public List<Map<String, Object>> monthly(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        var v = new Violations();
        YearMonth last = Params.optionalMonth(v, "to", to);
        YearMonth first = Params.optionalMonth(v, "from", from);
        v.throwIfAny();
        YearMonth end = last == null ? YearMonth.from(ops.today()) : last;
        YearMonth start = first == null ? end.minusMonths(5) : first;
        return billing.reports().invoicedAndCollected(start, end).stream()
                .sorted(Comparator.comparing(m -> m.month()))
                .map(m -> Map.<String, Object>of(
                        "month", m.month().toString(),
                        "invoiced", Json.money(m.invoiced()),
                        "credited", Json.money(m.credited()),
                        "collected", Json.money(m.collected())))
                .toList();
    }

    /** Open balances by days overdue. */
    @GetMapping("/reports/aging")
    @PreAuthorize(Can.BILL)
    public Map<String, Object> aging(@RequestParam(required = false) @Nullable String asOf) {
        var v = new Violations();
        LocalDate date = Params.optionalDate(v, "asOf", asOf);
        v.throwIfAny();
        var a = billing.reports().receivablesAging(date == null ? ops.today() : date);
        return Map.of(
                "asOf", a.asOf(),
                "current", Json.money(a.current()),
                "days1To30", Json.money(a.days1To30()),
                "days31To60", Json.money(a.days31To60()),
                "days61To90", Json.money(a.days61To90()),
                "over90", Json.money(a.over90()));
    }

    /** MRR and ARPU. */
    @GetMapping("/reports/revenue")
    @PreAuthorize(Can.BILL)
    public Map<String, Object> revenue(@RequestParam(required = false) @Nullable String asOf) {
        var v = new Violations();
        LocalDate date = Params.optionalDate(v, "asOf", asOf);
        v.throwIfAny();
        var r = billing.reports().revenue(date == null ? ops.today() : date);
        return Map.of(
                "asOf", r.asOf(),
                "mrr", Json.money(r.mrr()),
                "activeSubscriptions", r.activeSubscriptions(),
                "activeCustomers", r.activeCustomers(),
                "arpu", Json.money(r.arpu()));
    }

    /** Subscriptions by plan and status. */
    @GetMapping("/reports/subscriptions")
    @PreAuthorize(Can.READ_BILLING)
    public Object subscriptionsByPlan() {
        return billing.reports().subscriptionsByPlanAndStatus();
    }

    private static InvoiceId invoiceId(String id) {
        var v = new Violations();
        InvoiceId invoice = Params.id(v, "id", id, InvoiceId::new);
        v.throwIfAny();
        return invoice;
    }
}
