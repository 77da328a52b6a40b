package org.wispcrm.billing.policy;

/** Where tax is rounded to the currency's minor unit. */
public enum TaxRounding {
    /** Each line's tax is rounded; the invoice tax is their sum (the default). */
    PER_LINE,
    /**
     * The tax of each rate is computed on the sum of that rate's lines and rounded once; it is then spread over the
     * lines (largest lines absorb the cents) so lines still add up.
     */
    PER_INVOICE
}
