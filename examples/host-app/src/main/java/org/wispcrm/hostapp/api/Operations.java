package org.wispcrm.hostapp.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.wispcrm.billing.Billing;
import org.wispcrm.billing.document.store.DocumentService;
import org.wispcrm.billing.payment.PaymentRequest;
import org.wispcrm.billing.payment.RequestedAllocation;
import org.wispcrm.core.WispCrm;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.NewSubscription;
import org.wispcrm.core.customer.RegisterCustomer;
import org.wispcrm.core.customer.RegisteredCustomer;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.core.document.StoredDocument;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.order.OpenServiceOrder;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentMethod;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.subscription.Subscription;

/** The host's use cases that combine library calls; shared by the API and the web pages. */
@Component
public class Operations {
    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final WispCrm crm;
    private final Billing billing;
    private final DocumentService documents;
    private final DocumentStorage storage;
    private final Clock clock;
    private final Environment env;

    /** Over the library's services. */
    public Operations(
            WispCrm crm,
            Billing billing,
            DocumentService documents,
            DocumentStorage storage,
            Clock clock,
            Environment env) {
        this.crm = crm;
        this.billing = billing;
        this.documents = documents;
        this.storage = storage;
        this.clock = clock;
        this.env = env;
    }

    /** Today in the ISP's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The seed's customer registration: one name, email, plan name and address line. The seed had no installation
     * workflow, so the service starts at once: an installation order is opened and completed for it.
     */
    public RegisteredCustomer registerFromSeed(
            @Nullable String nombre, @Nullable String email, @Nullable String plan, @Nullable String direccion) {
        var v = new Violations();
        v.requireText("nombre", nombre);
        v.requireText("plan", plan);
        v.requireText("direccion", direccion);
        Plan found = null;
        if (plan != null && !plan.isBlank()) {
            found = crm.plans().findByName(plan.strip()).orElse(null);
            v.require(found != null && found.active(), "plan", plan, "must be the name of an active plan");
        }
        Address address = direccion == null || direccion.isBlank()
                ? null
                : v.capture(
                        "direccion",
                        () -> Address.of(
                                direccion,
                                env.getProperty("wispcrm.seed.city", "Villavicencio"),
                                env.getProperty("wispcrm.seed.country", "CO")));
        v.throwIfAny();
        RegisteredCustomer registered = crm.customers()
                .register(RegisterCustomer.builder()
                        .fullName(nombre)
                        .email(email)
                        .address(address)
                        .locale(Locale.forLanguageTag("es-CO"))
                        .firstSubscription(NewSubscription.onPlan(found.id()))
                        .build());
        Subscription pending = registered.subscription().orElseThrow();
        var order = crm.serviceOrders()
                .open(OpenServiceOrder.installation(
                        registered.customer().id(), pending.id(), "Alta por POST /cliente/crear", null));
        crm.serviceOrders().assignTechnician(order.id(), "alta-directa");
        crm.serviceOrders().start(order.id());
        crm.serviceOrders().complete(order.id(), "Servicio activo desde el alta");
        var customer = crm.customers().get(registered.customer().id());
        return new RegisteredCustomer(customer, crm.customers().getSubscription(pending.id()));
    }

    /**
     * Issues (or returns, if already issued) the customer's invoice for the period a billing run would bill today,
     * and stores its PDF.
     *
     * @throws WispCrmException INVALID_INPUT naming {@code clienteId} when nothing is billable today
     */
    public Invoice generateCurrentInvoice(CustomerId customerId) {
        crm.customers().get(customerId);
        LocalDate today = today();
        var schedule = billing.invoicing().schedule();
        Optional<BillingPeriod> period = crm.customers().subscriptionsOf(customerId).stream()
                .map(s -> schedule.periodToBillOn(s, today))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(BillingPeriod::start));
        if (period.isEmpty()) {
            throw WispCrmException.invalid("clienteId", customerId, "has no active subscription to bill today");
        }
        Invoice invoice = billing.invoicing().generateFor(customerId, period.get());
        storePdf(invoice);
        return invoice;
    }

    /** Stores the invoice's PDF now; a failure is left for the next render of missing PDFs. */
    public void storePdf(Invoice invoice) {
        if (invoice.status() == InvoiceStatus.DRAFT) {
            return;
        }
        try {
            documents.storeInvoice(invoice.id());
        } catch (WispCrmException e) {
            LOG.warn("Could not store the PDF of invoice {} yet: {}", invoice.id(), e.code());
        }
    }

    /** One invoice. */
    public Invoice invoice(InvoiceId id) {
        return crm.persistence().invoices().findById(id).orElseThrow(() -> WispCrmException.notFound("invoice", id));
    }

    /** The PDF of an issued invoice, rendering and storing it first if it is not stored yet. */
    public StoredDocument invoicePdf(InvoiceId id) {
        Invoice invoice = invoice(id);
        if (invoice.status() == InvoiceStatus.DRAFT) {
            throw WispCrmException.illegalTransition("invoice", id, invoice.status(), "print");
        }
        var key = documents.invoiceKey(invoice);
        return storage.get(key).orElseGet(() -> {
            documents.storeInvoice(id);
            return storage.get(key).orElseThrow(() -> WispCrmException.notFound("document", key));
        });
    }

    /**
     * Records a payment. Without a reference one is made up (so a retried form posts twice); with one, the same
     * reference twice records one payment.
     */
    public Payment recordPayment(
            CustomerId customerId,
            MonetaryAmount amount,
            PaymentMethod method,
            @Nullable String reference,
            @Nullable LocalDate receivedOn,
            @Nullable InvoiceNumber invoice) {
        String ref = reference == null || reference.isBlank() ? "manual-" + UUID.randomUUID() : reference.strip();
        LocalDate on = receivedOn == null ? today() : receivedOn;
        var request = invoice == null
                ? PaymentRequest.of(customerId, amount, method, ref, on)
                : new PaymentRequest(
                        customerId, amount, method, ref, on, java.util.List.of(RequestedAllocation.of(invoice)));
        Payment payment = billing.payments().record(request);
        try {
            documents.storeReceipt(payment.id());
        } catch (WispCrmException e) {
            LOG.warn("Could not store the receipt of payment {} yet: {}", payment.id(), e.code());
        }
        return payment;
    }
}
