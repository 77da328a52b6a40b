package org.wispcrm.billing;

import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wispcrm.billing.creditnote.CreditNoteService;
import org.wispcrm.billing.dunning.DunningService;
import org.wispcrm.billing.invoice.BillingService;
import org.wispcrm.billing.payment.PaymentService;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.report.ReportService;
import org.wispcrm.billing.statement.StatementService;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.network.LoggingNetworkAccessControl;
import org.wispcrm.core.network.NetworkAccessControl;

/**
 * The billing services over one store, clock and policy.
 *
 * <pre>{@code
 * Billing billing = Billing.builder()
 *         .persistence(persistence)
 *         .clock(Clock.system(ZoneId.of("America/Bogota")))
 *         .policy(BillingPolicy.builder().cashRounding(BigDecimal.ONE).build())
 *         .build();
 * BillingRunReport report = billing.invoicing().run(LocalDate.now(clock));
 * }</pre>
 */
public final class Billing {
    private final Persistence persistence;
    private final Clock clock;
    private final BillingPolicy policy;
    private final BillingService invoicing;
    private final DunningService dunning;
    private final PaymentService payments;
    private final CreditNoteService creditNotes;
    private final StatementService statements;
    private final ReportService reports;

    private Billing(Builder builder) {
        this.persistence = Objects.requireNonNull(builder.persistence);
        this.clock = Objects.requireNonNull(builder.clock);
        this.policy = builder.policy;
        this.invoicing = new BillingService(persistence, clock, policy, builder.chunkSize, builder.runThreads);
        this.dunning = new DunningService(persistence, clock, policy, builder.network);
        this.payments = new PaymentService(persistence, clock, policy, dunning);
        this.creditNotes = new CreditNoteService(persistence, clock, policy);
        this.statements = new StatementService(persistence, policy);
        this.reports = new ReportService(persistence, policy);
    }

    /** A builder; persistence and clock are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The billing run and on-demand invoices. */
    public BillingService invoicing() {
        return invoicing;
    }

    /** Payments: recording, allocation, reversal. */
    public PaymentService payments() {
        return payments;
    }

    /** Credit notes. */
    public CreditNoteService creditNotes() {
        return creditNotes;
    }

    /** The daily dunning run and reactivation. */
    public DunningService dunning() {
        return dunning;
    }

    /** Account statements. */
    public StatementService statements() {
        return statements;
    }

    /** Reports. */
    public ReportService reports() {
        return reports;
    }

    /** The policy everything bills by. */
    public BillingPolicy policy() {
        return policy;
    }

    /** The store. */
    public Persistence persistence() {
        return persistence;
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** Builds {@link Billing}. */
    public static final class Builder {
        private @Nullable Persistence persistence;
        private @Nullable Clock clock;
        private BillingPolicy policy = BillingPolicy.defaults();
        private int chunkSize = 500;
        private int runThreads = 2;
        private NetworkAccessControl network = new LoggingNetworkAccessControl();

        private Builder() {}

        /** Every persistence port, from one adapter (required). */
        public Builder persistence(Persistence value) {
            persistence = Objects.requireNonNull(value, "persistence");
            return this;
        }

        /** The clock, in the ISP's time zone (required). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The billing policy (default {@link BillingPolicy#defaults()}). */
        public Builder policy(BillingPolicy value) {
            policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /** Cuts and restores service at the router (default: {@link LoggingNetworkAccessControl}, which only logs). */
        public Builder networkAccessControl(NetworkAccessControl value) {
            network = Objects.requireNonNull(value, "networkAccessControl");
            return this;
        }

        /**
         * Customers billed per unit of work, 1 to 1000 (default 500). Larger chunks mean fewer commits and
         * round trips; a failing customer costs a retry of its chunk.
         */
        public Builder chunkSize(int value) {
            if (value < 1 || value > 1000) {
                throw WispCrmException.invalid("chunkSize", value, "must be between 1 and 1000");
            }
            chunkSize = value;
            return this;
        }

        /**
         * Chunks a billing run bills at once, each in its own unit of work on a thread of its own, 1 to
         * {@value BillingService#MAX_THREADS} (default 2). With two, one chunk reads its customers while the other
         * writes its invoices, which keeps both the database and this JVM busy; more help only a database with cores
         * to spare, as every chunk waits its turn for the invoice series. Numbers stay gap-free and follow the chunks'
         * commit order. The listener is still called on the run's thread, chunk by chunk in customer order; a run
         * called inside a unit of work bills on the caller's thread, in that unit.
         */
        public Builder runThreads(int value) {
            if (value < 1 || value > BillingService.MAX_THREADS) {
                throw WispCrmException.invalid(
                        "runThreads", value, "must be between 1 and " + BillingService.MAX_THREADS);
            }
            runThreads = value;
            return this;
        }

        /**
         * The services.
         *
         * @throws WispCrmException {@code CONFIGURATION} if persistence or clock is missing
         */
        public Billing build() {
            if (persistence == null) {
                throw WispCrmException.configuration("Billing needs a Persistence (persistence(...))");
            }
            if (clock == null) {
                throw WispCrmException.configuration("Billing needs a Clock (clock(...))");
            }
            return new Billing(this);
        }
    }
}
