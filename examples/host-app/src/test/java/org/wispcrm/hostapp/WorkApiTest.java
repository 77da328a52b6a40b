package org.wispcrm.hostapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wispcrm.hostapp.security.Role;

class WorkApiTest extends ApiTestBase {

    @Test
    void anInstallationOrderGoesThroughItsStepsAndActivatesTheService() {
        var plan = post(
                Role.ADMIN,
                "/api/plans",
                Map.of(
                        "name",
                        "Orden " + System.nanoTime(),
                        "downloadMbps",
                        20,
                        "uploadMbps",
                        5,
                        "monthlyPrice",
                        80000));
        var customer = post(
                Role.SUPPORT,
                "/api/customers",
                Map.of(
                        "fullName",
                        "Olga Orden",
                        "address",
                        Map.of("line1", "Vereda El Alto", "city", "Acacías", "countryCode", "CO"),
                        "locale",
                        "es-CO",
                        "planId",
                        plan.json().get("id").asString()));
        String customerId = customer.json().get("id").asString();
        String subscriptionId = get(Role.SUPPORT, "/api/customers/" + customerId + "/subscriptions")
                .json()
                .get(0)
                .get("id")
                .asString();

        var opened = post(
                Role.SUPPORT,
                "/api/service-orders",
                Map.of(
                        "customerId",
                        customerId,
                        "subscriptionId",
                        subscriptionId,
                        "kind",
                        "INSTALLATION",
                        "description",
                        "Instalar antena",
                        "fee",
                        120000));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String order = "/api/service-orders/" + opened.json().get("id").asString();

        // completing before starting is not allowed in this state
        var early = post(Role.TECHNICIAN, order + "/complete", Map.of("report", "done"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");

        assertThat(post(Role.TECHNICIAN, order + "/assign", Map.of("technician", "Julián"))
                        .status())
                .isEqualTo(200);
        assertThat(post(Role.TECHNICIAN, order + "/start", null).status()).isEqualTo(200);
        assertThat(post(Role.TECHNICIAN, order + "/complete", Map.of()).violatedFields())
                .containsExactly("report");
        var done = post(Role.TECHNICIAN, order + "/complete", Map.of("report", "Antena alineada"));
        assertThat(done.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(get(Role.TECHNICIAN, "/api/subscriptions/" + subscriptionId)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
        assertThat(get(Role.TECHNICIAN, "/api/service-orders?customerId=" + customerId + "&status=COMPLETED")
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);

        var bad = post(Role.SUPPORT, "/api/service-orders", Map.of("customerId", customerId, "kind", "PAINTING"));
        assertThat(bad.violatedFields()).containsExactlyInAnyOrder("kind", "description");
    }

    @Test
    void ticketsAreOpenedBySupportCommentedByTechniciansAndMovedThroughTheirStatuses() {
        String customer = seedCustomer("Tomás Ticket", newPlan("Soporte", 45_000));
        var opened = post(
                Role.SUPPORT,
                "/api/tickets",
                Map.of(
                        "customerId",
                        customer,
                        "subject",
                        "Sin señal",
                        "description",
                        "Desde ayer",
                        "priority",
                        "HIGH"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String ticket = "/api/tickets/" + opened.json().get("id").asString();

        var commented = post(Role.TECHNICIAN, ticket + "/comments", Map.of("text", "Cambio de radio"));
        assertThat(commented.json().get("comments").get(0).get("author").asString())
                .isEqualTo("technician");
        assertThat(post(Role.TECHNICIAN, ticket + "/status", Map.of("status", "RESOLVED"))
                        .status())
                .isEqualTo(403);
        assertThat(post(Role.SUPPORT, ticket + "/status", Map.of("status", "RESOLVED"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RESOLVED");
        assertThat(post(Role.SUPPORT, ticket + "/status", Map.of("status", "SOLVED"))
                        .violatedFields())
                .containsExactly("status");
        assertThat(get(Role.TECHNICIAN, "/api/tickets?customerId=" + customer)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);

        var bad = post(Role.SUPPORT, "/api/tickets", Map.of("customerId", customer, "priority", "ASAP"));
        assertThat(bad.violatedFields()).containsExactlyInAnyOrder("priority", "subject", "description");
    }
}
