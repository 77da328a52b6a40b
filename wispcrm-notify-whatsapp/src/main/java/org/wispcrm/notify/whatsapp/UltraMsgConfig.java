package org.wispcrm.notify.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.WispCrmException;

/**
 * Settings of {@link UltraMsgWhatsAppChannel}. A host binds it to its own property source with a lambda:
 *
 * <pre>{@code
 * UltraMsgConfig config = key -> environment.getProperty(key);   // keys: ultramsg.instanceId, ultramsg.token, ...
 * }</pre>
 *
 * or overrides the typed methods directly. Every key is {@link #prefix()} + {@code "."} + the method's name.
 */
@FunctionalInterface
public interface UltraMsgConfig {

    /** Where UltraMsg's API lives unless {@code ultramsg.baseUrl} says otherwise. */
    String DEFAULT_BASE_URL = "https://api.ultramsg.com";

    /**
     * The raw value of a key, or null when the host does not set it.
     *
     * @param key the full key, such as {@code ultramsg.token}
     * @return the value, or null
     */
    @Nullable
    String get(String key);

    /** The prefix of every key; {@code "ultramsg"} unless overridden. */
    default String prefix() {
        return "ultramsg";
    }

    /** The API's base URL ({@code ultramsg.baseUrl}); defaults to {@value #DEFAULT_BASE_URL}. */
    default String baseUrl() {
        String value = get(prefix() + ".baseUrl");
        return value == null || value.isBlank() ? DEFAULT_BASE_URL : value.strip();
    }

    /**
     * The UltraMsg instance ({@code ultramsg.instanceId}, such as {@code instance12345}); required.
     *
     * @throws WispCrmException with {@code CONFIGURATION} when it is missing
     */
    default String instanceId() {
        return required(prefix() + ".instanceId");
    }

    /**
     * The instance's API token ({@code ultramsg.token}); required. It is a secret: never log it.
     *
     * @throws WispCrmException with {@code CONFIGURATION} when it is missing
     */
    default String token() {
        return required(prefix() + ".token");
    }

    /**
     * Checks every setting at start-up and names each bad key in one error.
     *
     * @throws WispCrmException with {@code CONFIGURATION} listing the bad keys
     */
    default void validate() {
        List<String> problems = new ArrayList<>();
        String baseUrl = baseUrl();
        if (HttpUrl.parse(baseUrl) == null) {
            problems.add(prefix() + ".baseUrl must be an http or https URL, was '" + baseUrl + "'");
        }
        String instanceId = presentOrNull(this::instanceId);
        if (instanceId == null || instanceId.isBlank()) {
            problems.add(prefix() + ".instanceId is required");
        } else if (!instanceId.strip().matches("[A-Za-z0-9_-]{1,64}")) {
            problems.add(prefix() + ".instanceId must be letters and digits (such as instance12345), was '" + instanceId
                    + "'");
        }
        String token = presentOrNull(this::token);
        if (token == null || token.isBlank()) {
            problems.add(prefix() + ".token is required");
        }
        if (!problems.isEmpty()) {
            throw WispCrmException.configuration("Invalid UltraMsg configuration: " + String.join("; ", problems));
        }
    }

    private static @Nullable String presentOrNull(Supplier<String> value) {
        try {
            return value.get();
        } catch (WispCrmException missing) {
            return null;
        }
    }

    private String required(String key) {
        String value = get(key);
        if (value == null || value.isBlank()) {
            throw WispCrmException.configuration(key + " is required");
        }
        return value.strip();
    }
}
