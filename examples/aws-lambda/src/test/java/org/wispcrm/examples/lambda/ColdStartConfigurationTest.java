package org.wispcrm.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.plan.TaxCategory;

/** The environment is checked at cold start, every problem named in one error, and no secret is ever printed. */
class ColdStartConfigurationTest {
    private static final String DB_SECRET = "pa55-w0rd-RDS";

    /** A complete environment (nothing is contacted: these tests only read settings). */
    private static Map<String, String> complete() {
        var env = new HashMap<String, String>();
        env.put("DB_URL", "jdbc:mariadb://wispcrm.cluster-abc.us-east-1.rds.amazonaws.com:3306/wispcrm");
        env.put("DB_USER", "wispcrm");
        env.put("DB_PASSWORD", DB_SECRET);
        env.put("PHONE_REGION", "co");
        env.put("AWS_REGION", "us-east-1");
        env.put("DOCUMENTS_BUCKET", "internet-llanos-documentos");
        env.put("ULTRAMSG_INSTANCE_ID", FakeUltraMsg.INSTANCE);
        env.put("ULTRAMSG_TOKEN", FakeUltraMsg.TOKEN);
        env.put("EMAIL_PROVIDER", "smtp");
        env.put("EMAIL_FROM", "facturacion@internetllanos.co");
        env.put("SMTP_HOST", "smtp.internetllanos.co");
        env.put("SMTP_USER", "facturacion");
        env.put("SMTP_PASSWORD", "smtp-s3cret");
        env.put("ISP_NAME", "Internet Llanos");
        env.put("ISP_TAX_ID", "900.123.456-7");
        env.put("ISP_ADDRESS", "Calle 38 # 30A-15");
        env.put("ISP_CITY", "Villavicencio");
        return env;
    }

    @Test
    void anEmptyEnvironmentNamesEveryRequiredVariableInOneError() {
        assertThatThrownBy(() -> LambdaSettings.from(Map.of()))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContainingAll(
                        "DB_URL is required",
                        "DB_USER is required",
                        "DB_PASSWORD is required",
                        "PHONE_REGION is required",
                        "AWS_REGION is required",
                        "DOCUMENTS_BUCKET",
                        "bucket is required",
                        "ULTRAMSG_INSTANCE_ID",
                        "ultramsg.instanceId is required",
                        "ultramsg.token is required",
                        "EMAIL_PROVIDER is required",
                        "ISP_NAME is required",
                        "ISP_TAX_ID is required",
                        "ISP_ADDRESS is required",
                        "ISP_CITY is required");
    }

    @Test
    void badValuesAreEachNamedWithTheirValue() {
        var env = complete();
        env.put("DB_URL", "mariadb://no-jdbc-prefix");
        env.put("DB_POOL_SIZE", "0");
        env.put("ISP_ZONE", "America/Villavicencio");
        env.put("PHONE_REGION", "XX");
        env.put("S3_ENDPOINT", "ftp://127.0.0.1:9000");
        env.put("DOCUMENTS_BUCKET", "Documentos_ISP");
        env.put("EMAIL_FROM", "no es un correo");
        env.put("SMTP_PORT", "veinticinco");
        env.put("SMTP_STARTTLS", "si");
        env.put("ULTRAMSG_RATE_PER_SECOND", "-1");
        env.put("BILLING_CURRENCY", "PESOS");
        env.put("BILLING_DUE_DAYS", "diez");
        env.put("BILLING_DAY", "31");
        env.put("PDF_LOOKBACK_DAYS", "0");

        assertThatThrownBy(() -> LambdaSettings.from(env))
                .isInstanceOf(WispCrmException.class)
                .hasMessageContainingAll(
                        "DB_URL 'mariadb://no-jdbc-prefix' must be a JDBC URL",
                        "DB_POOL_SIZE '0' must be a whole number from 1 to 20",
                        "ISP_ZONE 'America/Villavicencio' is not a time zone",
                        "PHONE_REGION 'XX' is not a known phone region",
                        "S3_ENDPOINT 'ftp://127.0.0.1:9000' must be an http or https URL",
                        "'Documentos_ISP' is not a valid S3 bucket name",
                        "email.fromAddress is not an email address",
                        "SMTP_PORT 'veinticinco' must be a whole number from 1 to 65535",
                        "SMTP_STARTTLS 'si' must be true or false",
                        "ULTRAMSG_RATE_PER_SECOND '-1' must be a number above 0",
                        "BILLING_CURRENCY 'PESOS' is not a known ISO 4217 currency",
                        "BILLING_DUE_DAYS 'diez' must be a number",
                        "BILLING_DAY '31' must be between 1 and 28",
                        "PDF_LOOKBACK_DAYS '0' must be a whole number from 1 to 3650");
    }

    @Test
    void smtpNeedsItsHostAndAPasswordForItsUser() {
        var env = complete();
        env.remove("SMTP_HOST");
        env.remove("SMTP_PASSWORD");

        assertThatThrownBy(() -> LambdaSettings.from(env))
                .hasMessageContainingAll("SMTP_HOST is required", "SMTP_PASSWORD is required when SMTP_USER is set")
                .hasMessageNotContaining("DB_URL");
    }

    @Test
    void defaultsAndTheBillingPolicyComeFromTheEnvironment() {
        var env = complete();
        env.put("BILLING_DUE_DAYS", "15");
        env.put("BILLING_TAX_RATE", "19");
        env.put("BILLING_CASH_ROUNDING", "50");
        env.put("BILLING_SUSPEND_AFTER_DAYS", "never");
        env.put("BILLING_INVOICE_SERIES", "FV");

        LambdaSettings settings = LambdaSettings.from(env);

        assertThat(settings.zone()).hasToString("America/Bogota");
        assertThat(settings.phoneRegion()).isEqualTo("CO");
        assertThat(settings.ispCountry()).isEqualTo("CO");
        assertThat(settings.dbPoolSize()).isEqualTo(2);
        assertThat(settings.smtpPort()).isEqualTo(587);
        assertThat(settings.smtpStartTls()).isTrue();
        assertThat(settings.sesRegion()).isEqualTo("us-east-1");
        assertThat(settings.pdfLookbackDays()).isEqualTo(35);
        assertThat(settings.s3Endpoint()).isEmpty();
        assertThat(settings.policy().currency().getCurrencyCode()).isEqualTo("COP");
        assertThat(settings.policy().dueDays()).isEqualTo(15);
        assertThat(settings.policy().taxRateOf(TaxCategory.STANDARD)).isEqualByComparingTo("0.19");
        assertThat(settings.policy().cashRounding()).contains(new BigDecimal("5E+1"));
        assertThat(settings.policy().suspendAfterDaysOverdue()).isEmpty();
        assertThat(settings.policy().invoiceSeries()).isEqualTo("FV");
    }

    @Test
    void secretsAreNeverPrinted() {
        var env = complete();
        String printed = LambdaSettings.from(env).toString();
        assertThat(printed)
                .contains(
                        "jdbc:mariadb://",
                        "internet-llanos-documentos",
                        FakeUltraMsg.INSTANCE,
                        "smtp.internetllanos.co")
                .doesNotContain(DB_SECRET, FakeUltraMsg.TOKEN, "smtp-s3cret");

        env.put("DB_POOL_SIZE", "many");
        assertThatThrownBy(() -> LambdaSettings.from(env))
                .hasMessageContaining("DB_POOL_SIZE")
                .hasMessageNotContaining(DB_SECRET)
                .hasMessageNotContaining(FakeUltraMsg.TOKEN)
                .hasMessageNotContaining("smtp-s3cret");
    }

    @Test
    void aColdStartWithoutConfigurationFailsTheInvocationNamingTheVariables() {
        // The runtime's path: the no-argument constructor, the container's environment (this JVM's: unset).
        assumeTrue(System.getenv("DB_URL") == null && System.getenv("ULTRAMSG_TOKEN") == null);
        var handler = new FacturacionProgramada();
        assertThatThrownBy(() -> handler.handleRequest(
                        LambdaWorld.event("billing-2026-11-01.json"), new TestContext("FacturacionProgramada")))
                .isInstanceOf(WispCrmException.class)
                .hasMessageContainingAll("DB_URL is required", "ultramsg.token is required", "ISP_NAME is required");
        // Nothing was cached: the next invocation checks the environment again rather than failing differently.
        assertThatThrownBy(() -> new NotificacionService()
                        .handleRequest(LambdaWorld.event("dispatch.json"), new TestContext("NotificacionService")))
                .hasMessageContaining("DB_URL is required");
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsTheColdStartWithTheDriversReason(@org.junit.jupiter.api.io.TempDir Path dir) {
        var env = complete();
        env.put("DB_URL", "jdbc:h2:file:" + dir.resolve("missing") + ";IFEXISTS=TRUE");
        env.put("DB_USER", "sa");
        env.put("DB_PASSWORD", "");
        env.put("EMAIL_PROVIDER", "none");

        assertThatThrownBy(() -> LambdaApp.create(env, java.time.Clock.systemUTC()))
                .hasMessageContaining("Failed to initialize pool")
                .hasMessageContaining("missing")
                .hasMessageContaining("not found")
                .hasMessageNotContaining(DB_SECRET);
    }
}
