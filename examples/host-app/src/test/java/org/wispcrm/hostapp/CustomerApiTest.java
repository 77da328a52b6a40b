package org.wispcrm.hostapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wispcrm.hostapp.security.Role;

class CustomerApiTest extends ApiTestBase {

    @Test
    void registersACustomerWithAFirstSubscriptionAndFindsIt() {
        var plan = post(
                Role.ADMIN,
                "/api/plans",
                Map.of(
                        "name",
                        "Rural 8 " + System.nanoTime(),
                        "downloadMbps",
                        8,
                        "uploadMbps",
                        2,
                        "monthlyPrice",
                        55000));
        String planId = plan.json().get("id").asString();
        var created = post(
                Role.SUPPORT,
                "/api/customers",
                Map.of(
                        "fullName", "Ana Pérez Gómez",
                        "nationalId", "1036654321",
                        "phone", "300 123 4567",
                        "email", "ana.perez@example.com",
                        "address", Map.of("line1", "Calle 10 # 20-30", "city", "Medellín", "countryCode", "CO"),
                        "locale", "es-CO",
                        "planId", planId,
                        "billingDay", 5));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var customer = created.json();
        assertThat(customer.get("fullName").asString()).isEqualTo("Ana Pérez Gómez");
        assertThat(customer.get("phone").asString()).isEqualTo("+573001234567");
        assertThat(customer.get("status").asString()).isEqualTo("ACTIVE");
        String id = customer.get("id").asString();

        var subs =
                get(Role.TECHNICIAN, "/api/customers/" + id + "/subscriptions").json();
        assertThat(subs.size()).isEqualTo(1);
        assertThat(subs.get(0).get("status").asString()).isEqualTo("PENDING_INSTALL");
        assertThat(subs.get(0).get("planId").asString()).isEqualTo(planId);
        assertThat(subs.get(0).get("billingDay").asInt()).isEqualTo(5);

        var found = get(Role.BILLING, "/api/customers?q=pérez%20gó&size=5").json();
        assertThat(found.get("items").size()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(get(Role.BILLING, "/api/subscriptions?customerId=" + id)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(get(Role.BILLING, "/api/customers/" + id)
                        .json()
                        .get("nationalId")
                        .asString())
                .isEqualTo("1036654321");
    }

    @Test
    void aBadCustomerIsRejectedNamingEveryBadField() {
        var r = post(
                Role.SUPPORT,
                "/api/customers",
                Map.of("fullName", "", "phone", "12", "email", "beto@", "planId", "not-a-uuid"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("title").asString()).isEqualTo("Invalid input");
        assertThat(r.violatedFields()).containsExactly("planId");

        var second = post(Role.SUPPORT, "/api/customers", Map.of("fullName", "", "phone", "12", "email", "beto@"));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.violatedFields()).contains("fullName", "phone", "email", "address", "locale");
        // the rejected values (a phone, an email) are not echoed back
        assertThat(second.text()).doesNotContain("beto@");

        var notJson = post(Role.SUPPORT, "/api/customers", "{\"fullName\": [1, 2}");
        assertThat(notJson.status()).isEqualTo(400);
        var wrongType = post(Role.SUPPORT, "/api/customers", "{\"taxExempt\": \"maybe\"}");
        assertThat(wrongType.violatedFields()).containsExactly("taxExempt");
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundOrBadRequests() {
        var missing = get(Role.SUPPORT, "/api/customers/01900000-0000-7000-8000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("NOT_FOUND");
        var malformed = get(Role.SUPPORT, "/api/customers/xyz");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.violatedFields()).containsExactly("id");
        var badPage = get(Role.SUPPORT, "/api/customers?size=0&status=GONE");
        assertThat(badPage.violatedFields()).containsExactlyInAnyOrder("status", "size");
    }

    @Test
    void plansAreCreatedByTheAdminAndValidated() {
        var bad = post(Role.ADMIN, "/api/plans", Map.of("name", "", "monthlyPrice", -5));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.violatedFields()).contains("monthlyPrice");
        String name = newPlan("Fibra", 90_000);
        var duplicate = post(
                Role.ADMIN,
                "/api/plans",
                Map.of("name", name, "downloadMbps", 10, "uploadMbps", 5, "monthlyPrice", 1000));
        assertThat(duplicate.status()).isEqualTo(409);
        var all = get(Role.TECHNICIAN, "/api/plans").json();
        boolean listed = false;
        for (var p : all) {
            if (p.get("name").asString().equals(name)) {
                listed = true;
                assertThat(p.get("monthlyPrice").get("amount").decimalValue()).isEqualByComparingTo("90000.00");
                assertThat(p.get("downloadMbps").asString()).isEqualTo("10");
            }
        }
        assertThat(listed).isTrue();
    }

    @Test
    void theSeedsCreateEndpointPutsTheCustomerInServiceOnTheNamedPlan() {
        String plan = newPlan("Seed", 65_000);
        var r = post(
                Role.SUPPORT,
                "/cliente/crear",
                Map.of("nombre", "John Doe", "email", "john@example.com", "plan", plan, "direccion", "123 Main St"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("nombre").asString()).isEqualTo("John Doe");
        assertThat(r.json().get("estadoServicio").asString()).isEqualTo("ACTIVE");
        assertThat(r.json().get("cliente").get("address").get("line1").asString())
                .isEqualTo("123 Main St");

        var bad = post(Role.SUPPORT, "/cliente/crear", Map.of("nombre", " ", "plan", "No Such Plan"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.violatedFields()).containsExactlyInAnyOrder("nombre", "plan", "direccion");
    }
}
