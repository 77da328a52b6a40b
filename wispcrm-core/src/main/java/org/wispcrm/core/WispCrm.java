package org.wispcrm.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.CustomerService;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.core.network.LoggingNetworkAccessControl;
import org.wispcrm.core.network.NetworkAccessControl;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.order.ServiceOrderService;
import org.wispcrm.core.plan.PlanService;
import org.wispcrm.core.ticket.TicketService;

/**
 * The library's entry point: a host builds one with the adapters it chose and uses its services. Nothing is found
 * by classpath scanning; a missing required setting fails {@link Builder#build()}.
 *
 * <pre>{@code
 * WispCrm crm = WispCrm.builder()
 *         .persistence(InMemoryPersistence.create())
 *         .defaultPhoneRegion("CO")
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe as long as the adapters are.
 */
public final class WispCrm {
    private final Persistence persistence;
    private final Clock clock;
    private final String defaultPhoneRegion;
    private final NetworkAccessControl networkAccessControl;
    private final @Nullable DocumentStorage documentStorage;
    private final List<NotificationChannel> notificationChannels;
    private final CustomerService customers;
    private final PlanService plans;
    private final ServiceOrderService serviceOrders;
    private final TicketService tickets;

    private WispCrm(Builder builder, Persistence persistence, Clock clock, String region, NetworkAccessControl nac) {
        this.persistence = persistence;
        this.clock = clock;
        this.defaultPhoneRegion = region;
        this.networkAccessControl = nac;
        this.documentStorage = builder.documentStorage;
        this.notificationChannels = List.copyOf(builder.notificationChannels);
        var tx = persistence.transactions();
        this.customers = new CustomerService(
                tx, persistence.customers(), persistence.plans(), persistence.subscriptions(), clock, region, nac);
        this.plans = new PlanService(tx, persistence.plans(), clock);
        this.serviceOrders = new ServiceOrderService(
                tx,
                persistence.customers(),
                persistence.subscriptions(),
                persistence.serviceOrders(),
                persistence.charges(),
                persistence.outbox(),
                clock);
        this.tickets = new TicketService(
                tx,
                persistence.customers(),
                persistence.subscriptions(),
                persistence.tickets(),
                persistence.outbox(),
                clock);
    }

    /** A builder with the defaults: system clock, logging network access control, no storage, no channels. */
    public static Builder builder() {
        return new Builder();
    }

    /** Customers, their subscriptions, suspension and reactivation. */
    public CustomerService customers() {
        return customers;
    }

    /** Service plans and their prices. */
    public PlanService plans() {
        return plans;
    }

    /** Installations, repairs, relocations and other technician work. */
    public ServiceOrderService serviceOrders() {
        return serviceOrders;
    }

    /** Support tickets. */
    public TicketService tickets() {
        return tickets;
    }

    /** The persistence adapter. */
    public Persistence persistence() {
        return persistence;
    }

    /** The time source every service uses. */
    public Clock clock() {
        return clock;
    }

    /** The region in which phone numbers without a country code are read, such as {@code CO}. */
    public String defaultPhoneRegion() {
        return defaultPhoneRegion;
    }

    /** What cuts and restores service at the router. */
    public NetworkAccessControl networkAccessControl() {
        return networkAccessControl;
    }

    /** Where generated documents are kept, if the host configured a storage. */
    public Optional<DocumentStorage> documentStorage() {
        return Optional.ofNullable(documentStorage);
    }

    /** The notification channels, in the order they were given. */
    public List<NotificationChannel> notificationChannels() {
        return notificationChannels;
    }

    /**
     * Collects the adapters and settings. Setters only record; {@link #build()} checks everything and names every
     * missing or invalid setting in one error.
     */
    public static final class Builder {
        private @Nullable Persistence persistence;
        private @Nullable Clock clock = Clock.systemDefaultZone();
        private @Nullable String defaultPhoneRegion;
        private @Nullable NetworkAccessControl networkAccessControl = new LoggingNetworkAccessControl();
        private @Nullable DocumentStorage documentStorage;
        private final List<@Nullable NotificationChannel> notificationChannels = new ArrayList<>();

        private Builder() {}

        /** The persistence adapter (required), such as {@code InMemoryPersistence.create()}. */
        public Builder persistence(@Nullable Persistence value) {
            this.persistence = value;
            return this;
        }

        /** The time source; defaults to {@link Clock#systemDefaultZone()}, whose zone dates are taken in. */
        public Builder clock(@Nullable Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * The region (ISO 3166-1 alpha-2, such as {@code CO}) in which phone numbers typed without a country code
         * are read. Required: there is no sensible worldwide default.
         */
        public Builder defaultPhoneRegion(@Nullable String value) {
            this.defaultPhoneRegion = value;
            return this;
        }

        /** Cuts and restores service at the router; defaults to {@link LoggingNetworkAccessControl}. */
        public Builder networkAccessControl(@Nullable NetworkAccessControl value) {
            this.networkAccessControl = value;
            return this;
        }

        /** Where generated documents (invoice PDFs) are kept; optional. */
        public Builder documentStorage(@Nullable DocumentStorage value) {
            this.documentStorage = value;
            return this;
        }

        /** Adds a notification channel; channels must have distinct names. */
        public Builder notificationChannel(@Nullable NotificationChannel channel) {
            this.notificationChannels.add(channel);
            return this;
        }

        /** Replaces the notification channels with these; channels must have distinct names. */
        public Builder notificationChannels(List<? extends @Nullable NotificationChannel> channels) {
            this.notificationChannels.clear();
            this.notificationChannels.addAll(channels);
            return this;
        }

        /**
         * Checks every setting and builds the instance.
         *
         * @throws WispCrmException {@code CONFIGURATION} naming every missing or invalid setting
         */
        public WispCrm build() {
            var problems = new ArrayList<String>();
            if (persistence == null) {
                problems.add("persistence is required (for example InMemoryPersistence.create())");
            }
            if (clock == null) {
                problems.add("clock must not be null (leave it unset for the system clock)");
            }
            String region = defaultPhoneRegion == null
                    ? null
                    : defaultPhoneRegion.strip().toUpperCase(Locale.ROOT);
            if (region == null || region.isEmpty()) {
                problems.add("defaultPhoneRegion is required (an ISO 3166-1 alpha-2 code such as CO)");
            } else if (!PhoneNumber.isKnownRegion(region)) {
                problems.add("defaultPhoneRegion '" + defaultPhoneRegion
                        + "' is not a known phone region (use an ISO 3166-1 alpha-2 code such as CO)");
            }
            if (networkAccessControl == null) {
                problems.add("networkAccessControl must not be null (leave it unset to only log)");
            }
            var names = new HashSet<ChannelName>();
            for (int i = 0; i < notificationChannels.size(); i++) {
                NotificationChannel channel = notificationChannels.get(i);
                if (channel == null) {
                    problems.add("notificationChannels[" + i + "] is null");
                } else if (!names.add(channel.name())) {
                    problems.add("notificationChannels has two channels named '" + channel.name() + "'");
                }
            }
            if (!problems.isEmpty()) {
                throw WispCrmException.configuration("WispCrm is not configured: " + String.join("; ", problems));
            }
            return new WispCrm(this, persistence, clock, region, networkAccessControl);
        }
    }
}
