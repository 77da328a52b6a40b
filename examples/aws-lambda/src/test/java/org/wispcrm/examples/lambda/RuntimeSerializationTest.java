package org.wispcrm.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the Lambda runtime does around the handlers, with its own serializers: reading EventBridge's scheduled
 * event (whose {@code time} is a Joda {@code DateTime} in aws-lambda-java-events 3.16.1) and writing the summaries.
 */
class RuntimeSerializationTest {

    @Test
    void theEventsTimeIsTheUtcInstantTheRuleFired() {
        ScheduledEvent event = LambdaWorld.event("billing-2026-11-01.json");

        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getResources()).singleElement().asString().contains(":rule/");
        assertThat(Instant.ofEpochMilli(event.getTime().getMillis())).isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
    }

    @Test
    void theScheduledDayIsTheDayInTheIspsZone() throws Exception {
        var bogota = ZoneId.of("America/Bogota");
        // 04:30Z on 2 November is still 23:30 on 1 November in Bogotá (UTC-5).
        assertThat(dayIn(event("2026-11-02T04:30:00Z"), bogota)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(dayIn(event("2026-11-02T05:00:00Z"), bogota)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(dayIn(event("2026-11-01T11:00:00Z"), bogota)).isEqualTo(LocalDate.of(2026, 11, 1));
        // The same instant in Manila (UTC+8) is already 2 November.
        assertThat(dayIn(event("2026-11-01T17:00:00Z"), ZoneId.of("Asia/Manila")))
                .isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void theSummariesBecomeTheFunctionsJsonResult() throws Exception {
        var billing = new BillingSummary("2026-11-01", 3, 3, 0, 0, Map.of("COP", "214200.00"), 0, 0, 0, 0, List.of());
        var dispatch = new DispatchSummary(1, 0, 6, 0, 0, 0);

        assertThat(runtimeJson(billing, BillingSummary.class))
                .contains("\"day\":\"2026-11-01\"", "\"invoiced\":3", "\"totals\":{\"COP\":\"214200.00\"}")
                .contains("\"failures\":[]");
        assertThat(runtimeJson(dispatch, DispatchSummary.class))
                .contains("\"pdfsRendered\":1", "\"sent\":6", "\"deadLettered\":0");
        assertThat(Json.write(dispatch))
                .isEqualTo("{\"pdfsRendered\":1,\"pdfFailures\":0,\"sent\":6,\"retried\":0,\"deadLettered\":0,"
                        + "\"redelivered\":0}");
    }

    private static <T> String runtimeJson(T value, Class<T> type) {
        PojoSerializer<T> serializer = JacksonFactory.getInstance().getSerializer(type);
        var out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ScheduledEvent event(String time) {
        String json = "{\"version\":\"0\",\"id\":\"7bf73129-1428-4cd3-a780-95db273d1602\","
                + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"123456789012\","
                + "\"time\":\"" + time + "\",\"region\":\"us-east-1\","
                + "\"resources\":[\"arn:aws:events:us-east-1:123456789012:rule/wispcrm-daily\"],\"detail\":{}}";
        PojoSerializer<ScheduledEvent> serializer = LambdaEventSerializers.serializerFor(
                ScheduledEvent.class, RuntimeSerializationTest.class.getClassLoader());
        return serializer.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static LocalDate dayIn(ScheduledEvent event, ZoneId zone) {
        return Instant.ofEpochMilli(event.getTime().getMillis()).atZone(zone).toLocalDate();
    }
}
