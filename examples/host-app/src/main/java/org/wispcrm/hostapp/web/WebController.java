package org.wispcrm.hostapp.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.document.store.DocumentService;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.ServiceOrderId;
import org.wispcrm.core.common.TicketId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.CustomerSearch;
import org.wispcrm.core.customer.NewSubscription;
import org.wispcrm.core.customer.RegisterCustomer;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.order.OpenServiceOrder;
import org.wispcrm.core.order.ServiceOrderKind;
import org.wispcrm.core.payment.PaymentMethod;
import org.wispcrm.core.ticket.OpenTicket;
import org.wispcrm.core.ticket.TicketStatus;
import org.wispcrm.hostapp.api.Json;
import org.wispcrm.hostapp.api.Operations;
import org.wispcrm.hostapp.api.Params;
import org.wispcrm.hostapp.security.Role.Can;

/**
 * The pages for the billing clerk, support staff and technicians. Forms post back here (with the CSRF token) and
 * redirect; a rejected form comes back with every bad field listed.
 */
@Controller
public class WebController {
    private final WispCrm crm;
    private final Billing billing;
    private final Operations ops;
    private final DocumentService documents;
    private final BillingPolicy policy;
    private final MessageSource messages;

    /** Over the library and the host's operations. */
    public WebController(
            WispCrm crm,
            Billing billing,
            Operations ops,
            DocumentService documents,
            BillingPolicy policy,
            MessageSource messages) {
        this.crm = crm;
        this.billing = billing;
        this.ops = ops;
        this.documents = documents;
        this.policy = policy;
        this.messages = messages;
    }

    /** The sign-in form. */
    @GetMapping("/login")
    public String login() {
        return "login";
    }

    /** Dashboard: invoiced vs collected per month and receivables aging. */
    @GetMapping("/")
    @PreAuthorize(Can.READ)
    public String dashboard(Model model, Authentication who) {
        boolean money = who.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN")
                        || a.getAuthority().equals("ROLE_BILLING"));
        model.addAttribute("money", money);
        if (money) {
            YearMonth end = YearMonth.from(ops.today());
            var months = billing.reports().invoicedAndCollected(end.minusMonths(11), end).stream()
                    .sorted(Comparator.comparing(m -> m.month()))
                    .toList();
            model.addAttribute(
                    "months", months.stream().map(m -> m.month().toString()).toList());
            model.addAttribute(
                    "invoiced", months.stream().map(m -> amount(m.invoiced())).toList());
            model.addAttribute(
                    "collected", months.stream().map(m -> amount(m.collected())).toList());
            var a = billing.reports().receivablesAging(ops.today());
            model.addAttribute(
                    "aging",
                    List.of(
                            amount(a.current()),
                            amount(a.days1To30()),
                            amount(a.days31To60()),
                            amount(a.days61To90()),
                            amount(a.over90())));
            model.addAttribute("revenue", billing.reports().revenue(ops.today()));
        }
        return "dashboard";
    }

    /** Customers, searched by name, national id or phone. */
    @GetMapping("/customers")
    @PreAuthorize(Can.READ)
    public String customers(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        CustomerSearch search = text == null
                ? CustomerSearch.all()
                : text.matches("[+0-9 ()-]{7,}")
                        ? CustomerSearch.byPhone(text)
                        : text.matches("[0-9.\\-]{3,30}")
                                ? CustomerSearch.byNationalId(text)
                                : CustomerSearch.byName(text);
        var result = crm.customers().search(search, new PageRequest(Math.max(0, page), 25));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("page", Json.page(result, Json::customer));
        return "customers";
    }

    /** The new-customer form. */
    @GetMapping("/customers/new")
    @PreAuthorize(Can.MANAGE_CUSTOMERS)
    public String newCustomer(Model model) {
        model.addAttribute("plans", crm.plans().listActive());
        return "customer-new";
    }

    /** Registers a customer from the form. */
    @PostMapping("/customers")
    @PreAuthorize(Can.MANAGE_CUSTOMERS)
    public String createCustomer(@RequestParam Map<String, String> form, RedirectAttributes flash, Locale locale) {
        return attempt(flash, "/customers/new", locale, () -> {
            var v = new Violations();
            PlanId plan = Params.optionalId(v, "planId", form.get("planId"), PlanId::new);
            Address address = v.capture(
                    "address",
                    () -> new Address(
                            form.getOrDefault("line1", ""),
                            null,
                            form.getOrDefault("city", ""),
                            null,
                            null,
                            form.getOrDefault("countryCode", "CO")));
            v.throwIfAny();
            var registered = crm.customers()
                    .register(RegisterCustomer.builder()
                            .fullName(form.get("fullName"))
                            .nationalId(blank(form.get("nationalId")))
                            .email(blank(form.get("email")))
                            .phone(blank(form.get("phone")))
                            .address(address)
                            .locale(Locale.forLanguageTag(form.getOrDefault("locale", "es-CO")))
                            .dataProcessingConsent(form.containsKey("consent"))
                            .firstSubscription(plan == null ? null : NewSubscription.onPlan(plan))
                            .build());
            var customer = registered.customer();
            registered.subscription().ifPresent(s -> {
                if (form.containsKey("activate")) {
                    // in service at once: an installation order opened and completed by the clerk
                    var order = crm.serviceOrders()
                            .open(OpenServiceOrder.installation(customer.id(), s.id(), "Alta en oficina", null));
                    crm.serviceOrders().assignTechnician(order.id(), "oficina");
                    crm.serviceOrders().start(order.id());
                    crm.serviceOrders().complete(order.id(), "Activado en el alta");
                }
            });
            flash.addFlashAttribute("notice", message("notice.customerCreated", locale, customer.code()));
            return "/customers/" + customer.id();
        });
    }

    /** One customer with subscriptions, invoices, payments and tickets. */
    @GetMapping("/customers/{id}")
    @PreAuthorize(Can.READ)
    public String customer(@PathVariable String id, Model model, Authentication who) {
        CustomerId customerId = CustomerId.of(id);
        var customer = crm.customers().get(customerId);
        model.addAttribute("customer", Json.customer(customer));
        model.addAttribute(
                "subscriptions",
                crm.customers().subscriptionsOf(customerId).stream()
                        .map(Json::subscription)
                        .toList());
        Map<String, String> planNames = new java.util.HashMap<>();
        crm.plans().list().forEach(p -> planNames.put(p.id().toString(), p.name()));
        model.addAttribute("planNames", planNames);
        boolean seesMoney =
                who.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_TECHNICIAN"));
        if (seesMoney) {
            var invoices = crm.persistence().invoices().findByCustomer(customerId).stream()
                    .sorted(Comparator.comparing(i -> i.issueDate(), Comparator.reverseOrder()))
                    .map(Json::invoice)
                    .toList();
            model.addAttribute("invoices", invoices);
            model.addAttribute(
                    "payments",
                    crm.persistence().payments().findByCustomer(customerId).stream()
                            .map(Json::payment)
                            .toList());
            model.addAttribute("balance", Json.money(billing.statements().balanceOf(customerId)));
        }
        model.addAttribute(
                "tickets",
                crm.tickets().list(customerId, null, new PageRequest(0, 50)).items().stream()
                        .map(Json::ticket)
                        .toList());
        model.addAttribute("methods", PaymentMethod.values());
        model.addAttribute("currency", policy.currency().getCurrencyCode());
        model.addAttribute("today", ops.today());
        return "customer";
    }

    /** Issues the customer's current invoice. */
    @PostMapping("/customers/{id}/invoice")
    @PreAuthorize(Can.BILL)
    public String invoice(@PathVariable String id, RedirectAttributes flash, Locale locale) {
        return attempt(flash, "/customers/" + id, locale, () -> {
            var invoice = ops.generateCurrentInvoice(CustomerId.of(id));
            flash.addFlashAttribute("notice", message("notice.invoiceIssued", locale, invoice.number()));
            return "/customers/" + id;
        });
    }

    /** Records a payment from the form. */
    @PostMapping("/customers/{id}/payments")
    @PreAuthorize(Can.BILL)
    public String pay(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String method,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String receivedOn,
            RedirectAttributes flash,
            Locale locale) {
        return attempt(flash, "/customers/" + id, locale, () -> {
            var v = new Violations();
            BigDecimal value = null;
            try {
                value = amount == null || amount.isBlank()
                        ? null
                        : new BigDecimal(amount.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                v.require(false, "amount", amount, "must be a number");
            }
            var money = value == null && !v.isEmpty()
                    ? null
                    : Params.positiveAmount(
                            v, "amount", value, policy.currency().getCurrencyCode());
            PaymentMethod m = Params.requiredEnum(v, "method", method, PaymentMethod.class);
            LocalDate on = Params.optionalDate(v, "receivedOn", receivedOn);
            v.throwIfAny();
            var payment = ops.recordPayment(CustomerId.of(id), money, m, reference, on, null);
            flash.addFlashAttribute(
                    "notice",
                    message(
                            "notice.paymentRecorded",
                            locale,
                            Json.money(payment.amount()).amount().toPlainString() + " "
                                    + payment.amount().getCurrency().getCurrencyCode()));
            return "/customers/" + id;
        });
    }

    /** Invoices, newest first, by status. */
    @GetMapping("/invoices")
    @PreAuthorize(Can.READ_BILLING)
    public String invoices(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var v = new Violations();
        InvoiceStatus st = Params.optionalEnum(v, "status", status, InvoiceStatus.class);
        var result = crm.persistence()
                .invoices()
                .search(new InvoiceQuery(null, st, null, null), new PageRequest(Math.max(0, page), 50));
        model.addAttribute("page", Json.page(result, Json::invoice));
        model.addAttribute("status", st == null ? "" : st.name());
        model.addAttribute("statuses", InvoiceStatus.values());
        return "invoices";
    }

    /** Billing: preview or run for a date. */
    @GetMapping("/billing")
    @PreAuthorize(Can.BILL)
    public String billingPage(Model model) {
        model.addAttribute("date", ops.today());
        return "billing";
    }

    /** Runs billing (or previews it) and shows the result. */
    @PostMapping("/billing/run")
    @PreAuthorize(Can.BILL)
    public String runBilling(
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model) {
        var v = new Violations();
        LocalDate on = Params.optionalDate(v, "date", date);
        v.throwIfAny();
        LocalDate day = on == null ? ops.today() : on;
        var report =
                dryRun ? billing.invoicing().dryRun(day) : billing.invoicing().run(day, documents.afterCommit());
        model.addAttribute("date", day);
        model.addAttribute("report", Json.billingRun(report));
        return "billing";
    }

    /** Service orders, with their next steps. */
    @GetMapping("/orders")
    @PreAuthorize(Can.READ)
    public String orders(Model model) {
        var open = crm.serviceOrders().list(null, null, new PageRequest(0, 200)).items().stream()
                .map(Json::serviceOrder)
                .toList();
        model.addAttribute("orders", open);
        model.addAttribute("kinds", ServiceOrderKind.values());
        return "orders";
    }

    /** Opens a service order. */
    @PostMapping("/orders")
    @PreAuthorize(Can.SUPPORT)
    public String openOrder(
            @RequestParam(required = false) @Nullable String customerCode,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String description,
            RedirectAttributes flash,
            Locale locale) {
        return attempt(flash, "/orders", locale, () -> {
            var v = new Violations();
            var customer = customerCode == null
                    ? null
                    : crm.customers().findByCode(customerCode.strip()).orElse(null);
            v.require(customer != null, "customerCode", null, "must be the code of a customer");
            ServiceOrderKind k = Params.requiredEnum(v, "kind", kind, ServiceOrderKind.class);
            v.requireText("description", description);
            v.throwIfAny();
            crm.serviceOrders().open(new OpenServiceOrder(customer.id(), null, k, description, null));
            return "/orders";
        });
    }

    /** Moves an order one step. */
    @PostMapping("/orders/{id}/{step}")
    @PreAuthorize(Can.FIELD_WORK)
    public String orderStep(
            @PathVariable String id,
            @PathVariable String step,
            @RequestParam(required = false) @Nullable String text,
            Authentication who,
            RedirectAttributes flash,
            Locale locale) {
        return attempt(flash, "/orders", locale, () -> {
            var order = ServiceOrderId.of(id);
            var orders = crm.serviceOrders();
            switch (step) {
                case "assign" -> orders.assignTechnician(order, text == null || text.isBlank() ? who.getName() : text);
                case "start" -> orders.start(order);
                case "complete" -> orders.complete(order, text == null || text.isBlank() ? "-" : text);
                case "cancel" -> orders.cancel(order, text == null || text.isBlank() ? "-" : text);
                default -> throw WispCrmException.invalid("step", step, "is not a step");
            }
            return "/orders";
        });
    }

    /** Tickets. */
    @GetMapping("/tickets")
    @PreAuthorize(Can.READ)
    public String tickets(@RequestParam(required = false) @Nullable String status, Model model) {
        var v = new Violations();
        TicketStatus st = Params.optionalEnum(v, "status", status, TicketStatus.class);
        model.addAttribute(
                "tickets",
                crm.tickets().list(null, st, new PageRequest(0, 200)).items().stream()
                        .map(Json::ticket)
                        .toList());
        model.addAttribute("statuses", TicketStatus.values());
        return "tickets";
    }

    /** Opens a ticket. */
    @PostMapping("/tickets")
    @PreAuthorize(Can.SUPPORT)
    public String openTicket(
            @RequestParam(required = false) @Nullable String customerCode,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String description,
            RedirectAttributes flash,
            Locale locale) {
        return attempt(flash, "/tickets", locale, () -> {
            var v = new Violations();
            var customer = customerCode == null
                    ? null
                    : crm.customers().findByCode(customerCode.strip()).orElse(null);
            v.require(customer != null, "customerCode", null, "must be the code of a customer");
            v.requireText("subject", subject);
            v.requireText("description", description);
            v.throwIfAny();
            crm.tickets().open(OpenTicket.of(customer.id(), subject, description));
            return "/tickets";
        });
    }

    /** Moves a ticket to another status. */
    @PostMapping("/tickets/{id}/status")
    @PreAuthorize(Can.SUPPORT)
    public String ticketStatus(
            @PathVariable String id, @RequestParam String status, RedirectAttributes flash, Locale locale) {
        return attempt(flash, "/tickets", locale, () -> {
            var v = new Violations();
            TicketStatus st = Params.requiredEnum(v, "status", status, TicketStatus.class);
            v.throwIfAny();
            crm.tickets().changeStatus(TicketId.of(id), st);
            return "/tickets";
        });
    }

    private String attempt(RedirectAttributes flash, String back, Locale locale, Supplier<String> action) {
        try {
            return "redirect:" + action.get();
        } catch (WispCrmException e) {
            List<String> problems = new ArrayList<>();
            if (e.violations().isEmpty()) {
                problems.add(e.getMessage());
            } else {
                e.violations().forEach(v -> problems.add(v.field() + ": " + v.message()));
            }
            flash.addFlashAttribute("problems", problems);
            return "redirect:" + back;
        }
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static BigDecimal amount(javax.money.MonetaryAmount m) {
        return m.getNumber().numberValue(BigDecimal.class);
    }
}
