package org.wispcrm.hostapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wispcrm.hostapp.security.Role;

class SecurityApiTest extends ApiTestBase {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyApiCallNeedsALoginAndPagesRedirectToTheLoginForm() {
        var api = call(null, null, "GET", "/api/customers", null);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.json().get("title").asString()).isEqualTo("Unauthorized");

        var seed = call(null, null, "POST", "/cliente/crear", "{}");
        assertThat(seed.status()).isEqualTo(401);

        var page = call(null, null, "GET", "/customers", null);
        assertThat(page.status()).isEqualTo(302);

        var login = call(null, null, "GET", "/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text()).contains("name=\"_csrf\"");
    }

    @Test
    void aWrongPasswordIsRejected() {
        assertThat(call("billing", "not-the-password", "GET", "/api/customers", null)
                        .status())
                .isEqualTo(401);
        assertThat(call("billing", PASSWORD, "GET", "/api/customers", null).status())
                .isEqualTo(200);
    }

    @Test
    void eachRoleIsRefusedWhatItMayNotDo() {
        String plan = newPlan("Roles", 50_000);
        String customer = seedCustomer("Rosa Roles", plan);
        var payment = Map.of("customerId", customer, "amount", 1000, "method", "CASH");
        var newCustomer = Map.of("fullName", "X");

        // technicians read customers and work orders, nothing else
        assertThat(get(Role.TECHNICIAN, "/api/customers").status()).isEqualTo(200);
        assertForbidden(post(Role.TECHNICIAN, "/api/customers", newCustomer));
        assertForbidden(get(Role.TECHNICIAN, "/api/invoices"));
        assertForbidden(post(Role.TECHNICIAN, "/api/payments", payment));
        assertForbidden(post(Role.TECHNICIAN, "/factura/generar/" + customer, null));
        assertForbidden(post(Role.TECHNICIAN, "/api/tickets", Map.of("customerId", customer)));
        // support: customers, tickets, orders, but no money
        assertThat(get(Role.SUPPORT, "/api/invoices").status()).isEqualTo(200);
        assertForbidden(post(Role.SUPPORT, "/api/payments", payment));
        assertForbidden(post(Role.SUPPORT, "/api/billing-runs", Map.of("dryRun", true)));
        assertForbidden(get(Role.SUPPORT, "/api/reports/aging"));
        // billing: money, but not plans or users
        assertForbidden(post(Role.BILLING, "/api/plans", Map.of("name", "X")));
        assertForbidden(get(Role.BILLING, "/api/users"));
        assertForbidden(post(Role.BILLING, "/api/service-orders", Map.of("customerId", customer)));
        // admin: everything
        assertThat(get(Role.ADMIN, "/api/users").status()).isEqualTo(200);
        assertThat(get(Role.ADMIN, "/api/reports/aging").status()).isEqualTo(200);
    }

    private static void assertForbidden(Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(403);
    }

    @Test
    void theAdminCreatesAccountsWhosePasswordsAreStoredAsBcryptHashes() {
        var created = post(
                Role.ADMIN,
                "/api/users",
                Map.of("username", "clerk.two", "password", "another-long-password", "role", "BILLING"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.text()).doesNotContain("password");
        String hash = jdbc.queryForObject(
                "SELECT password_hash FROM hostapp_users WHERE username = 'clerk.two'", String.class);
        assertThat(hash).startsWith("$2a$12$").doesNotContain("another-long-password");
        assertThat(call("clerk.two", "another-long-password", "GET", "/api/invoices", null)
                        .status())
                .isEqualTo(200);

        var bad = post(Role.ADMIN, "/api/users", Map.of("username", "x", "password", "short", "role", "BILLING"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.violatedFields()).containsExactlyInAnyOrder("username", "password");
        var badRole = post(
                Role.ADMIN, "/api/users", Map.of("username", "someone", "password", "long-enough-pw", "role", "BOSS"));
        assertThat(badRole.violatedFields()).containsExactly("role");
        var duplicate = post(
                Role.ADMIN,
                "/api/users",
                Map.of("username", "clerk.two", "password", "another-long-password", "role", "BILLING"));
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void theFirstStartCreatedTheAdminFromTheConfiguredPassword() {
        assertThat(call("admin", ADMIN_PASSWORD, "GET", "/api/users", null).status())
                .isEqualTo(200);
    }

    @Test
    void repeatedFailedLoginsAreSlowedDownEvenForTheRightPassword() {
        users.create("guessed", PASSWORD, Role.SUPPORT);
        for (int i = 0; i < 3; i++) {
            assertThat(call("guessed", "wrong-" + i, "GET", "/api/customers", null)
                            .status())
                    .isEqualTo(401);
        }
        var blocked = call("guessed", PASSWORD, "GET", "/api/customers", null);
        assertThat(blocked.status()).isEqualTo(401);
        assertThat(blocked.json().get("detail").asString()).startsWith("Too many failed logins; try again in");
        // other users from the same address are not blocked by one user's failures
        assertThat(call("support", PASSWORD, "GET", "/api/customers", null).status())
                .isEqualTo(200);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        // sign in with the form (token included), then post a form without the token on the same session
        var client = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        var loginPage = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/login")))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(m.find()).isTrue();
        var form = "username=billing&password=" + PASSWORD + "&_csrf=" + m.group(1);
        var login = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        var withoutToken = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/billing/run")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("date=2026-11-01&dryRun=true"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        // pages answer unknown and malformed ids with a page, not a stack trace
        var unknown = client.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(url("/customers/01900000-0000-7000-8000-000000000000")))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"problem-detail\"");
        var malformed = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/customers/xyz")))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
    }
}
