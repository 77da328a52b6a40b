package org.wispcrm.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** template.yaml and the code agree: handlers exist, schedules are the agreed ones, variables are the read ones. */
class SamTemplateTest {
    private static final Path TEMPLATE = Path.of("template.yaml");

    @Test
    void bothHandlersNameClassesOfThisJar() throws Exception {
        String template = Files.readString(TEMPLATE);
        var handlers = Pattern.compile("Handler: ([\\w.]+)::handleRequest").matcher(template);
        var found = new LinkedHashSet<String>();
        while (handlers.find()) {
            found.add(handlers.group(1));
            assertThat(Class.forName(handlers.group(1))).isNotNull();
        }
        assertThat(found).containsExactly(FacturacionProgramada.class.getName(), NotificacionService.class.getName());
        assertThat(template).contains("CodeUri: target/wispcrm-aws-lambda.jar");
    }

    @Test
    void billingRunsAt0600InBogotaAndTheDispatcherEveryFiveMinutes() throws Exception {
        String template = Files.readString(TEMPLATE);
        assertThat(template).contains("Schedule: cron(0 11 * * ? *)").contains("Schedule: rate(5 minutes)");
        // The dispatcher's timeout stays under its 5-minute claim lease.
        String dispatcher = template.substring(template.indexOf("NotificacionService::handleRequest"));
        var timeout = Pattern.compile("Timeout: (\\d+)").matcher(dispatcher);
        assertThat(timeout.find()).isTrue();
        assertThat(Integer.parseInt(timeout.group(1))).isLessThan(300);
    }

    @Test
    void everyVariableTheTemplateSetsIsReadAndTheSetIsComplete() throws Exception {
        Set<String> declared = new LinkedHashSet<>();
        var variables = Pattern.compile("(?m)^ {8}([A-Z][A-Z0-9_]+):").matcher(Files.readString(TEMPLATE));
        while (variables.find()) {
            declared.add(variables.group(1));
        }
        declared.remove("JAVA_TOOL_OPTIONS");
        assertThat(LambdaSettings.VARIABLES).containsAll(declared);

        // With a value for each (and AWS_REGION, which Lambda sets), the settings are complete.
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : declared) {
            env.put(name, "x");
        }
        env.put("AWS_REGION", "us-east-1");
        env.put("DB_URL", "jdbc:mariadb://db:3306/wispcrm");
        env.put("DB_POOL_SIZE", "2");
        env.put("ISP_ZONE", "America/Bogota");
        env.put("PHONE_REGION", "CO");
        env.put("ISP_COUNTRY", "CO");
        env.put("DOCUMENTS_BUCKET", "documentos-isp");
        env.put("DOCUMENTS_PREFIX", "wispcrm/prod");
        env.put("ULTRAMSG_INSTANCE_ID", "instance1");
        env.put("EMAIL_PROVIDER", "ses");
        env.put("EMAIL_FROM", "facturacion@isp.co");
        env.put("SES_REGION", "us-east-1");
        env.put("SMTP_PORT", "587");
        env.put("SMTP_STARTTLS", "true");
        env.put("BILLING_CURRENCY", "COP");
        env.put("BILLING_DUE_DAYS", "10");
        env.put("BILLING_GRACE_DAYS", "5");
        env.put("BILLING_SUSPEND_AFTER_DAYS", "30");
        assertThat(LambdaSettings.from(env).policy().dueDays()).isEqualTo(10);
    }
}
