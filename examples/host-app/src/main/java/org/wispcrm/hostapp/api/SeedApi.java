package org.wispcrm.hostapp.api;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.hostapp.security.Role.Can;

/** The original application's endpoints, kept working for its existing clients. */
@RestController
public class SeedApi {
    private final Operations ops;

    /** Over the host's operations. */
    public SeedApi(Operations ops) {
        this.ops = ops;
    }

    /** The seed's request body. */
    public record Cliente(
            @Nullable String nombre,
            @Nullable String email,
            @Nullable String plan,
            @Nullable String direccion) {}

    /** The seed's answer: the new customer and its service. */
    public record ClienteCreado(
            String id, String codigo, String nombre, String plan, String estadoServicio, Json.CustomerJson cliente) {}

    /** {@code POST /cliente/crear}: registers the customer on the named plan, in service at once. */
    @PostMapping("/cliente/crear")
    @PreAuthorize(Can.MANAGE_CUSTOMERS)
    public ResponseEntity<ClienteCreado> crear(@RequestBody Cliente body) {
        var registered = ops.registerFromSeed(body.nombre(), body.email(), body.plan(), body.direccion());
        var customer = registered.customer();
        var subscription = registered.subscription().orElseThrow();
        var created = new ClienteCreado(
                customer.id().toString(),
                customer.code(),
                customer.profile().fullName(),
                subscription.currentPlanId().toString(),
                subscription.status().name(),
                Json.customer(customer));
        return ResponseEntity.created(URI.create("/api/customers/" + customer.id()))
                .body(created);
    }

    /** {@code POST /factura/generar/{clienteId}}: issues the customer's invoice for the current period. */
    @PostMapping("/factura/generar/{clienteId}")
    @PreAuthorize(Can.BILL)
    public ResponseEntity<Json.InvoiceJson> generar(@PathVariable String clienteId) {
        var v = new Violations();
        CustomerId id = Params.id(v, "clienteId", clienteId, CustomerId::new);
        v.throwIfAny();
        var invoice = Json.invoice(ops.generateCurrentInvoice(id));
        return ResponseEntity.created(URI.create("/api/invoices/" + invoice.id()))
                .body(invoice);
    }
}
