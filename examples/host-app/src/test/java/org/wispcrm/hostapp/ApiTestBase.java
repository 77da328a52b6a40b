package org.wispcrm.hostapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.hostapp.security.Role;
import org.wispcrm.hostapp.security.UserStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app on a random port over an in-memory H2 database, called over real HTTP with Basic auth. Every API test
 * class extends this with the same settings, so they share one Spring context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:hostapp-api;DB_CLOSE_DELAY=-1",
            "wispcrm.scheduling.enabled=false",
            "wispcrm.storage.local-dir=target/api-test-documents",
            "wispcrm.admin.password=" + ApiTestBase.ADMIN_PASSWORD,
            "wispcrm.login.free-failures=3"
        })
public abstract class ApiTestBase {
    static final String ADMIN_PASSWORD = "admin-password-123";
    static final String PASSWORD = "a-long-password-42";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static {
        // the database is new for every run, so the documents must be too (FE-000001 is a new invoice each time)
        var documents = java.nio.file.Path.of("target", "api-test-documents");
        if (java.nio.file.Files.exists(documents)) {
            try (var files = java.nio.file.Files.walk(documents)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(java.nio.file.Path::toFile)
                        .forEach(java.io.File::delete);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    UserStore users;

    /** A response: status, content type and body. */
    record Response(int status, String contentType, byte[] bytes) {
        JsonNode json() {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The fields named by a problem's violations. */
        List<String> violatedFields() {
            assertThat(contentType).startsWith("application/problem+json");
            var fields = new ArrayList<String>();
            json().get("violations").forEach(v -> fields.add(v.get("field").asString()));
            return fields;
        }
    }

    @BeforeEach
    void ensureUsers() {
        for (Role role : Role.values()) {
            try {
                users.create(role.name().toLowerCase(java.util.Locale.ROOT), PASSWORD, role);
            } catch (WispCrmException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE);
            }
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Response call(Role role, String method, String path, Object body) {
        // the admin is the one the first start created, with the configured password
        String password = role == Role.ADMIN ? ADMIN_PASSWORD : PASSWORD;
        return call(role.name().toLowerCase(java.util.Locale.ROOT), password, method, path, body);
    }

    Response get(Role role, String path) {
        return call(role, "GET", path, null);
    }

    Response post(Role role, String path, Object body) {
        return call(role, "POST", path, body);
    }

    Response call(String user, String password, String method, String path, Object body) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url(path)));
            if (user != null) {
                String basic =
                        Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                request.header("Authorization", "Basic " + basic);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plan with a unique name at this monthly price (COP, 19% VAT by default). */
    String newPlan(String namePrefix, long price) {
        String name = namePrefix + " " + UUID.randomUUID().toString().substring(0, 8);
        var r = post(
                Role.ADMIN,
                "/api/plans",
                java.util.Map.of("name", name, "downloadMbps", 10, "uploadMbps", 5, "monthlyPrice", price));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return name;
    }

    /** A customer in service through the seed's endpoint; returns its id. */
    String seedCustomer(String name, String planName) {
        var r = post(
                Role.BILLING,
                "/cliente/crear",
                java.util.Map.of(
                        "nombre",
                        name,
                        "email",
                        "cliente@example.com",
                        "plan",
                        planName,
                        "direccion",
                        "Calle 10 # 20-30"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }
}
