package org.wispcrm.core.payment;

/** How a payment was made. */
public enum PaymentMethod {
    /** Cash at the office or to a collector. */
    CASH,
    /** A bank transfer or deposit. */
    BANK_TRANSFER,
    /** A debit or credit card. */
    CARD,
    /** A mobile wallet (Nequi, Daviplata, Yape…). */
    MOBILE_WALLET,
    /** A payment gateway or collection network (PSE, Efecty…). */
    PAYMENT_GATEWAY,
    /** Anything else. */
    OTHER
}
