package org.wispcrm.notify.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.WispCrmException;

/**
 * Settings shared by {@link SmtpEmailChannel} and {@link SesEmailChannel}: who the mail comes from. A host binds it
 * to its own property source with a lambda:
 *
 * <pre>{@code
 * EmailConfig config = key -> environment.getProperty(key);   // email.fromAddress, email.fromName, email.replyTo
 * }</pre>
 *
 * or overrides the typed methods directly. Every key is {@link #prefix()} + {@code "."} + the method's name. How to
 * reach the server (host, port, TLS, credentials) is not here: it is the host's {@code jakarta.mail.Session} or
 * {@code SesV2Client}.
 */
@FunctionalInterface
public interface EmailConfig {

    /**
     * The raw value of a key, or null when the host does not set it.
     *
     * @param key the full key, such as {@code email.fromAddress}
     * @return the value, or null
     */
    @Nullable
    String get(String key);

    /** The prefix of every key; {@code "email"} unless overridden. */
    default String prefix() {
        return "email";
    }

    /**
     * The sender's address ({@code email.fromAddress}, such as {@code facturacion@mi-isp.com}); required. With SES
     * it must be a verified identity.
     *
     * @throws WispCrmException when it is missing or not an email address
     */
    default EmailAddress fromAddress() {
        String key = prefix() + ".fromAddress";
        String value = get(key);
        if (value == null || value.isBlank()) {
            throw WispCrmException.configuration(key + " is required");
        }
        try {
            return EmailAddress.of(value);
        } catch (WispCrmException e) {
            throw WispCrmException.configuration(key + " is not an email address: '" + value + "'");
        }
    }

    /** The sender's display name ({@code email.fromName}, such as {@code Mi ISP Facturación}); none by default. */
    default Optional<String> fromName() {
        String value = get(prefix() + ".fromName");
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * Where replies go ({@code email.replyTo}); none by default, so replies go to the sender.
     *
     * @throws WispCrmException when it is set but not an email address
     */
    default Optional<EmailAddress> replyTo() {
        String key = prefix() + ".replyTo";
        String value = get(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmailAddress.of(value));
        } catch (WispCrmException e) {
            throw WispCrmException.configuration(key + " is not an email address: '" + value + "'");
        }
    }

    /**
     * Checks every setting at start-up and names each bad key in one error.
     *
     * @throws WispCrmException with {@code CONFIGURATION} listing the bad keys
     */
    default void validate() {
        List<String> problems = new ArrayList<>();
        try {
            fromAddress();
        } catch (WispCrmException e) {
            problems.add(e.getMessage());
        }
        try {
            fromName()
                    .filter(name -> name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0)
                    .ifPresent(name -> problems.add(prefix() + ".fromName must be one line"));
        } catch (WispCrmException e) {
            problems.add(e.getMessage());
        }
        try {
            replyTo();
        } catch (WispCrmException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw WispCrmException.configuration("Invalid email configuration: " + String.join("; ", problems));
        }
    }
}
