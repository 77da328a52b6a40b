package org.wispcrm.core.plan;

import org.wispcrm.core.common.WispCrmException;

/**
 * Names how a plan or charge is taxed; the billing policy maps each category to a rate (for example
 * {@code STANDARD} to IVA 19%).
 *
 * @param code upper-case code such as {@code STANDARD} or {@code EXEMPT}
 */
public record TaxCategory(String code) {
    /** The country's standard rate. */
    public static final TaxCategory STANDARD = new TaxCategory("STANDARD");
    /** Not taxed. */
    public static final TaxCategory EXEMPT = new TaxCategory("EXEMPT");

    /** Accepts upper-case letters, digits and underscores. */
    public TaxCategory {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,31}")) {
            throw WispCrmException.invalid("taxCategory", code, "must be upper-case letters, digits or _");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
