package org.wispcrm.hostapp.security;

/**
 * What a user may do. ADMIN: everything, including users and plans. BILLING: customers, invoices, payments, credit
 * notes, billing runs and reports. SUPPORT: customers, tickets and service orders; reads invoices. TECHNICIAN: reads
 * customers, works service orders and comments on tickets.
 */
public enum Role {
    /** Everything. */
    ADMIN,
    /** The billing clerk. */
    BILLING,
    /** Support staff. */
    SUPPORT,
    /** Field technicians. */
    TECHNICIAN;

    /** {@code @PreAuthorize} expressions, one per permission, so controllers and pages agree. */
    public static final class Can {
        /** Any signed-in user. */
        public static final String READ = "isAuthenticated()";
        /** Register and change customers and subscriptions. */
        public static final String MANAGE_CUSTOMERS = "hasAnyRole('ADMIN','BILLING','SUPPORT')";
        /** See invoices, payments and credit notes. */
        public static final String READ_BILLING = "hasAnyRole('ADMIN','BILLING','SUPPORT')";
        /** Invoice, record payments, credit, run billing and dunning, see reports. */
        public static final String BILL = "hasAnyRole('ADMIN','BILLING')";
        /** Open service orders and tickets, assign and close them. */
        public static final String SUPPORT = "hasAnyRole('ADMIN','SUPPORT')";
        /** Work service orders (schedule, start, complete) and comment on tickets. */
        public static final String FIELD_WORK = "hasAnyRole('ADMIN','SUPPORT','TECHNICIAN')";
        /** Plans and users. */
        public static final String ADMINISTER = "hasRole('ADMIN')";

        private Can() {}
    }
}
