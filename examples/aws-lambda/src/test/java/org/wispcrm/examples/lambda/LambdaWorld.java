package org.wispcrm.examples.lambda;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.javamoney.moneta.Money;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.NewSubscription;
import org.wispcrm.core.customer.RegisterCustomer;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.order.OpenServiceOrder;
import org.wispcrm.core.plan.NewPlan;
import org.wispcrm.core.plan.Plan;

/**
 * One ISP as the functions see it: an H2 file database in a temporary directory, a fresh S3Proxy bucket, a
 * MockWebServer speaking UltraMsg, the environment variables a deployment would set, and both handlers over the
 * graph built from them.
 */
final class LambdaWorld implements AutoCloseable {
    static final String PREFIX = "llanos/prod";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
    final FakeUltraMsg ultraMsg = new FakeUltraMsg();
    final MockWebServer server = new MockWebServer();
    final S3ProxyServer s3;
    final String bucket;
    final Map<String, String> env;
    final LambdaApp app;
    final FacturacionProgramada facturacion;
    final NotificacionService notificaciones;

    LambdaWorld(Path directory, S3ProxyServer s3) throws IOException {
        this.s3 = s3;
        this.bucket = s3.newBucket();
        server.setDispatcher(ultraMsg);
        server.start();
        env = environment(directory, bucket, s3, server.url("/").toString());
        app = LambdaApp.create(env, clock);
        facturacion = new FacturacionProgramada(() -> app);
        notificaciones = new NotificacionService(() -> app);
    }

    /** What template.yaml sets, pointed at the test's servers. */
    static Map<String, String> environment(Path directory, String bucket, S3ProxyServer s3, String ultraMsgUrl) {
        var env = new LinkedHashMap<String, String>();
        env.put("DB_URL", "jdbc:h2:file:" + directory.resolve("wispcrm") + ";DB_CLOSE_DELAY=-1");
        env.put("DB_USER", "sa");
        env.put("DB_PASSWORD", "");
        env.put("ISP_ZONE", "America/Bogota");
        env.put("PHONE_REGION", "CO");
        env.put("AWS_REGION", "us-east-1");
        env.put("DOCUMENTS_BUCKET", bucket);
        env.put("DOCUMENTS_PREFIX", PREFIX);
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("ULTRAMSG_INSTANCE_ID", FakeUltraMsg.INSTANCE);
        env.put("ULTRAMSG_TOKEN", FakeUltraMsg.TOKEN);
        env.put("ULTRAMSG_BASE_URL", ultraMsgUrl);
        env.put("EMAIL_PROVIDER", "none");
        env.put("ISP_NAME", "Internet Llanos");
        env.put("ISP_TAX_ID", "900.123.456-7");
        env.put("ISP_ADDRESS", "Calle 38 # 30A-15");
        env.put("ISP_CITY", "Villavicencio");
        env.put("BILLING_CURRENCY", "COP");
        env.put("BILLING_DUE_DAYS", "10");
        return Map.copyOf(env);
    }

    /** A plan created through the library's plan service. */
    Plan plan(String name, long mbps, long monthlyPesos) {
        return app.crm()
                .plans()
                .create(NewPlan.of(name, mbps, mbps / 5, Money.of(BigDecimal.valueOf(monthlyPesos), "COP")));
    }

    /**
     * A customer registered with a subscription, installed by a technician today (which activates the subscription
     * and queues an "order completed" message), all through the library's services.
     */
    Customer installedCustomer(String name, String phone, Plan plan) {
        var registered = app.crm()
                .customers()
                .register(RegisterCustomer.builder()
                        .fullName(name)
                        .nationalId(String.valueOf(Math.abs(name.hashCode())))
                        .phone(phone)
                        .address(Address.of("Vereda La Cumbre, finca El Porvenir", "Villavicencio", "CO"))
                        .locale(Locale.forLanguageTag("es-CO"))
                        .dataProcessingConsent(true)
                        .firstSubscription(NewSubscription.onPlan(plan.id()))
                        .build());
        var orders = app.crm().serviceOrders();
        var order = orders.open(OpenServiceOrder.installation(
                registered.customer().id(),
                registered.subscription().orElseThrow().id(),
                "Instalación de antena",
                null));
        orders.assignTechnician(order.id(), "Jhon Pérez");
        orders.start(order.id());
        orders.complete(order.id(), "Antena instalada, enlace probado a 10 Mbps");
        return registered.customer();
    }

    /** The event as the Lambda runtime deserializes it (its own serializer, Joda time and all). */
    static ScheduledEvent event(String resource) {
        PojoSerializer<ScheduledEvent> serializer =
                LambdaEventSerializers.serializerFor(ScheduledEvent.class, LambdaWorld.class.getClassLoader());
        try (InputStream in = LambdaWorld.class.getResourceAsStream("/events/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no event " + resource);
            }
            return serializer.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BillingSummary bill(String eventResource) {
        return facturacion.handleRequest(event(eventResource), new TestContext("FacturacionProgramada"));
    }

    DispatchSummary dispatch(String eventResource) {
        return notificaciones.handleRequest(event(eventResource), new TestContext("NotificacionService"));
    }

    /** Every invoice in the database, by issue date. */
    List<Invoice> invoices() {
        return app.persistence()
                .invoices()
                .search(InvoiceQuery.all(), PageRequest.first(1000))
                .items();
    }

    /** The outbox rows in a status. */
    List<Notification> outbox(NotificationStatus status) {
        return app.persistence()
                .outbox()
                .findByStatus(status, PageRequest.first(1000))
                .items();
    }

    @Override
    public void close() throws IOException {
        app.close();
        server.close();
    }
}
