package org.wispcrm.jpa;

import org.wispcrm.core.common.WispCrmException;

/**
 * Settings of the JPA adapter. Every method has a documented default, so a host overrides only what it needs,
 * for example with a lambda over its own property source: {@code key -> props.getProperty("wispcrm.jpa." + key)}.
 */
@FunctionalInterface
public interface JpaConfig {

    /** The defaults. */
    JpaConfig DEFAULTS = key -> null;

    /**
     * The raw value of a setting, or null for its default.
     *
     * @param key the setting's name without prefix, such as {@code batchSize}
     */
    @org.jspecify.annotations.Nullable
    String get(String key);

    /** Rows per JDBC batch ({@code hibernate.jdbc.batch_size}); default 50. */
    default int batchSize() {
        String value = get("batchSize");
        return value == null ? 50 : parse("batchSize", value);
    }

    /** Whether Flyway migrates the schema when the adapter is built from a data source; default true. */
    default boolean migrate() {
        String value = get("migrate");
        return value == null || Boolean.parseBoolean(value.strip());
    }

    /**
     * Fails at start-up, naming the bad key, when a setting is out of range.
     *
     * @throws WispCrmException {@code CONFIGURATION} for an invalid setting
     */
    default void validate() {
        int size = batchSize();
        if (size < 1 || size > 10_000) {
            throw WispCrmException.configuration("wispcrm.jpa.batchSize must be between 1 and 10000, was " + size);
        }
        String migrate = get("migrate");
        if (migrate != null
                && !migrate.strip().equalsIgnoreCase("true")
                && !migrate.strip().equalsIgnoreCase("false")) {
            throw WispCrmException.configuration("wispcrm.jpa.migrate must be true or false, was " + migrate);
        }
    }

    private static int parse(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw WispCrmException.configuration("wispcrm.jpa." + key + " must be a whole number, was " + value);
        }
    }
}
