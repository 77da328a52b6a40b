-- WISP CRM schema, version 1. Ids are application-assigned UUIDs (no IDENTITY, so JDBC batching works);
-- money is DECIMAL(19,4) plus an ISO 4217 currency code; aggregates carry an optimistic-lock version.

CREATE TABLE customers (
    id                 BINARY(16) NOT NULL,
    code               VARCHAR(40) NOT NULL,
    full_name          VARCHAR(200) NOT NULL,
    national_id        VARCHAR(30),
    email              VARCHAR(254),
    phone              VARCHAR(20),
    address_line1      VARCHAR(500) NOT NULL,
    address_line2      VARCHAR(500),
    address_city       VARCHAR(200) NOT NULL,
    address_region     VARCHAR(200),
    address_postal_code VARCHAR(20),
    address_country    CHAR(2) NOT NULL,
    locale             VARCHAR(35) NOT NULL,
    notify_channels    VARCHAR(400) NOT NULL,
    tax_exempt         BOOLEAN NOT NULL,
    consent_at         TIMESTAMP(6) WITH TIME ZONE,
    status             VARCHAR(20) NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT pk_customers PRIMARY KEY (id),
    CONSTRAINT uk_customers_code UNIQUE (code)
);
CREATE INDEX ix_customers_name ON customers (full_name, id);
CREATE INDEX ix_customers_national_id ON customers (national_id);
CREATE INDEX ix_customers_phone ON customers (phone);

CREATE TABLE plans (
    id                 BINARY(16) NOT NULL,
    name               VARCHAR(100) NOT NULL,
    download_mbps      DECIMAL(12,4) NOT NULL,
    upload_mbps        DECIMAL(12,4) NOT NULL,
    tax_category       VARCHAR(32) NOT NULL,
    active             BOOLEAN NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT pk_plans PRIMARY KEY (id),
    CONSTRAINT uk_plans_name UNIQUE (name)
);

CREATE TABLE plan_prices (
    plan_id            BINARY(16) NOT NULL,
    effective_from     DATE NOT NULL,
    amount             DECIMAL(19,4) NOT NULL,
    currency           CHAR(3) NOT NULL,
    CONSTRAINT pk_plan_prices PRIMARY KEY (plan_id, effective_from),
    CONSTRAINT fk_plan_prices_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
);

CREATE TABLE subscriptions (
    id                 BINARY(16) NOT NULL,
    customer_id        BINARY(16) NOT NULL,
    current_plan_id    BINARY(16) NOT NULL,
    address_line1      VARCHAR(500) NOT NULL,
    address_line2      VARCHAR(500),
    address_city       VARCHAR(200) NOT NULL,
    address_region     VARCHAR(200),
    address_postal_code VARCHAR(20),
    address_country    CHAR(2) NOT NULL,
    ip_address         VARCHAR(39),
    pppoe_user         VARCHAR(64),
    status             VARCHAR(20) NOT NULL,
    billing_day        SMALLINT,
    activated_on       DATE,
    suspended_on       DATE,
    cancelled_on       DATE,
    discount_description VARCHAR(300),
    discount_percent   DECIMAL(9,4),
    discount_amount    DECIMAL(19,4),
    discount_currency  CHAR(3),
    discount_from      DATE,
    discount_until     DATE,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT pk_subscriptions PRIMARY KEY (id),
    CONSTRAINT fk_subscriptions_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_subscriptions_plan FOREIGN KEY (current_plan_id) REFERENCES plans (id)
);
CREATE INDEX ix_subscriptions_customer ON subscriptions (customer_id, id);
CREATE INDEX ix_subscriptions_status_customer ON subscriptions (status, customer_id);
CREATE INDEX ix_subscriptions_plan ON subscriptions (current_plan_id, id);

CREATE TABLE subscription_plans (
    subscription_id    BINARY(16) NOT NULL,
    position           INTEGER NOT NULL,
    plan_id            BINARY(16) NOT NULL,
    effective_from     DATE NOT NULL,
    CONSTRAINT pk_subscription_plans PRIMARY KEY (subscription_id, position),
    CONSTRAINT fk_subscription_plans_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id),
    CONSTRAINT fk_subscription_plans_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
);

CREATE TABLE service_orders (
    id                 BINARY(16) NOT NULL,
    customer_id        BINARY(16) NOT NULL,
    subscription_id    BINARY(16),
    kind               VARCHAR(30) NOT NULL,
    status             VARCHAR(20) NOT NULL,
    description        VARCHAR(1000000) NOT NULL,
    technician         VARCHAR(200),
    scheduled_for      TIMESTAMP(6),
    fee_amount         DECIMAL(19,4),
    fee_currency       CHAR(3),
    resolution         VARCHAR(1000000),
    completed_on       DATE,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT pk_service_orders PRIMARY KEY (id),
    CONSTRAINT fk_service_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_service_orders_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id)
);
CREATE INDEX ix_service_orders_customer ON service_orders (customer_id, id);
CREATE INDEX ix_service_orders_status ON service_orders (status, id);

CREATE TABLE tickets (
    id                 BINARY(16) NOT NULL,
    customer_id        BINARY(16) NOT NULL,
    subscription_id    BINARY(16),
    subject            VARCHAR(200) NOT NULL,
    description        VARCHAR(1000000) NOT NULL,
    priority           VARCHAR(20) NOT NULL,
    status             VARCHAR(30) NOT NULL,
    assignee           VARCHAR(200),
    opened_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    resolved_at        TIMESTAMP(6) WITH TIME ZONE,
    version            BIGINT NOT NULL,
    CONSTRAINT pk_tickets PRIMARY KEY (id),
    CONSTRAINT fk_tickets_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_tickets_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id)
);
CREATE INDEX ix_tickets_customer ON tickets (customer_id, id);
CREATE INDEX ix_tickets_status ON tickets (status, id);

CREATE TABLE ticket_comments (
    ticket_id          BINARY(16) NOT NULL,
    position           INTEGER NOT NULL,
    author             VARCHAR(200) NOT NULL,
    body               VARCHAR(1000000) NOT NULL,
    internal           BOOLEAN NOT NULL,
    written_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ticket_comments PRIMARY KEY (ticket_id, position),
    CONSTRAINT fk_ticket_comments_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
);

CREATE TABLE charges (
    id                 BINARY(16) NOT NULL,
    customer_id        BINARY(16) NOT NULL,
    subscription_id    BINARY(16),
    kind               VARCHAR(20) NOT NULL,
    description        VARCHAR(300) NOT NULL,
    amount             DECIMAL(19,4) NOT NULL,
    currency           CHAR(3) NOT NULL,
    tax_category       VARCHAR(32) NOT NULL,
    charge_date        DATE NOT NULL,
    source_reference   VARCHAR(200),
    billed_on_invoice  BINARY(16),
    version            BIGINT NOT NULL,
    CONSTRAINT pk_charges PRIMARY KEY (id),
    CONSTRAINT uk_charges_source_reference UNIQUE (source_reference),
    CONSTRAINT fk_charges_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_charges_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id)
);
CREATE INDEX ix_charges_customer ON charges (customer_id, charge_date, id);

CREATE TABLE notifications (
    id                 BINARY(16) NOT NULL,
    idempotency_key    VARCHAR(200) NOT NULL,
    kind               VARCHAR(30) NOT NULL,
    customer_id        BINARY(16) NOT NULL,
    model              VARCHAR(1000000) NOT NULL,
    attachments        VARCHAR(1000000) NOT NULL,
    status             VARCHAR(20) NOT NULL,
    attempts           INTEGER NOT NULL,
    next_attempt_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_error         VARCHAR(1000000),
    sent_via           VARCHAR(32),
    provider_message_id VARCHAR(200),
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sent_at            TIMESTAMP(6) WITH TIME ZONE,
    version            BIGINT NOT NULL,
    CONSTRAINT pk_notifications PRIMARY KEY (id),
    CONSTRAINT uk_notifications_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT fk_notifications_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_notifications_due ON notifications (status, next_attempt_at, id);
CREATE INDEX ix_notifications_created ON notifications (status, created_at, id);

-- One row per series; the row is locked (SELECT ... FOR UPDATE) by the unit of work that takes a number.
CREATE TABLE invoice_sequences (
    series             VARCHAR(10) NOT NULL,
    last_value         BIGINT NOT NULL,
    CONSTRAINT pk_invoice_sequences PRIMARY KEY (series)
);

CREATE TABLE invoices (
    id                 BINARY(16) NOT NULL,
    series             VARCHAR(10),
    sequence_number    BIGINT,
    customer_id        BINARY(16) NOT NULL,
    customer_code      VARCHAR(40) NOT NULL,
    customer_name      VARCHAR(200) NOT NULL,
    customer_national_id VARCHAR(30),
    customer_email     VARCHAR(254),
    customer_phone     VARCHAR(20),
    customer_locale    VARCHAR(35) NOT NULL,
    address_line1      VARCHAR(500) NOT NULL,
    address_line2      VARCHAR(500),
    address_city       VARCHAR(200) NOT NULL,
    address_region     VARCHAR(200),
    address_postal_code VARCHAR(20),
    address_country    CHAR(2) NOT NULL,
    period_start       DATE NOT NULL,
    period_end         DATE NOT NULL,
    billing_key        VARCHAR(100) NOT NULL,
    issue_date         DATE NOT NULL,
    due_date           DATE NOT NULL,
    currency           CHAR(3) NOT NULL,
    subtotal           DECIMAL(19,4) NOT NULL,
    tax_total          DECIMAL(19,4) NOT NULL,
    total              DECIMAL(19,4) NOT NULL,
    amount_paid        DECIMAL(19,4) NOT NULL,
    amount_credited    DECIMAL(19,4) NOT NULL,
    status             VARCHAR(20) NOT NULL,
    document_key       VARCHAR(512),
    version            BIGINT NOT NULL,
    CONSTRAINT pk_invoices PRIMARY KEY (id),
    CONSTRAINT uk_invoices_billing_key UNIQUE (billing_key),
    CONSTRAINT uk_invoices_number UNIQUE (series, sequence_number),
    CONSTRAINT fk_invoices_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_invoices_customer ON invoices (customer_id, issue_date, id);
CREATE INDEX ix_invoices_open_due ON invoices (status, due_date, id);
CREATE INDEX ix_invoices_issue_date ON invoices (issue_date, id);

CREATE TABLE invoice_lines (
    invoice_id         BINARY(16) NOT NULL,
    position           INTEGER NOT NULL,
    kind               VARCHAR(30) NOT NULL,
    description        VARCHAR(300) NOT NULL,
    subscription_id    BINARY(16),
    charge_id          BINARY(16),
    period_start       DATE,
    period_end         DATE,
    quantity           DECIMAL(19,6) NOT NULL,
    unit_price         DECIMAL(19,4) NOT NULL,
    net_amount         DECIMAL(19,4) NOT NULL,
    tax_category       VARCHAR(32) NOT NULL,
    tax_rate           DECIMAL(9,6) NOT NULL,
    tax_amount         DECIMAL(19,4) NOT NULL,
    CONSTRAINT pk_invoice_lines PRIMARY KEY (invoice_id, position),
    CONSTRAINT fk_invoice_lines_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
);

CREATE TABLE credit_notes (
    id                 BINARY(16) NOT NULL,
    series             VARCHAR(10) NOT NULL,
    sequence_number    BIGINT NOT NULL,
    invoice_id         BINARY(16) NOT NULL,
    invoice_series     VARCHAR(10) NOT NULL,
    invoice_sequence   BIGINT NOT NULL,
    customer_id        BINARY(16) NOT NULL,
    customer_code      VARCHAR(40) NOT NULL,
    customer_name      VARCHAR(200) NOT NULL,
    customer_national_id VARCHAR(30),
    customer_email     VARCHAR(254),
    customer_phone     VARCHAR(20),
    customer_locale    VARCHAR(35) NOT NULL,
    address_line1      VARCHAR(500) NOT NULL,
    address_line2      VARCHAR(500),
    address_city       VARCHAR(200) NOT NULL,
    address_region     VARCHAR(200),
    address_postal_code VARCHAR(20),
    address_country    CHAR(2) NOT NULL,
    issue_date         DATE NOT NULL,
    currency           CHAR(3) NOT NULL,
    net_amount         DECIMAL(19,4) NOT NULL,
    tax_amount         DECIMAL(19,4) NOT NULL,
    total              DECIMAL(19,4) NOT NULL,
    reason             VARCHAR(500) NOT NULL,
    voids_invoice      BOOLEAN NOT NULL,
    document_key       VARCHAR(512),
    version            BIGINT NOT NULL,
    CONSTRAINT pk_credit_notes PRIMARY KEY (id),
    CONSTRAINT uk_credit_notes_number UNIQUE (series, sequence_number),
    CONSTRAINT fk_credit_notes_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT fk_credit_notes_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_credit_notes_invoice ON credit_notes (invoice_id, issue_date, id);
CREATE INDEX ix_credit_notes_customer ON credit_notes (customer_id, issue_date, id);
CREATE INDEX ix_credit_notes_issue_date ON credit_notes (issue_date, id);

CREATE TABLE credit_note_lines (
    credit_note_id     BINARY(16) NOT NULL,
    position           INTEGER NOT NULL,
    kind               VARCHAR(30) NOT NULL,
    description        VARCHAR(300) NOT NULL,
    subscription_id    BINARY(16),
    charge_id          BINARY(16),
    period_start       DATE,
    period_end         DATE,
    quantity           DECIMAL(19,6) NOT NULL,
    unit_price         DECIMAL(19,4) NOT NULL,
    net_amount         DECIMAL(19,4) NOT NULL,
    tax_category       VARCHAR(32) NOT NULL,
    tax_rate           DECIMAL(9,6) NOT NULL,
    tax_amount         DECIMAL(19,4) NOT NULL,
    CONSTRAINT pk_credit_note_lines PRIMARY KEY (credit_note_id, position),
    CONSTRAINT fk_credit_note_lines_note FOREIGN KEY (credit_note_id) REFERENCES credit_notes (id)
);

CREATE TABLE payments (
    id                 BINARY(16) NOT NULL,
    customer_id        BINARY(16) NOT NULL,
    amount             DECIMAL(19,4) NOT NULL,
    currency           CHAR(3) NOT NULL,
    method             VARCHAR(30) NOT NULL,
    external_reference VARCHAR(100) NOT NULL,
    received_on        DATE NOT NULL,
    status             VARCHAR(20) NOT NULL,
    reversed_on        DATE,
    reversal_reason    VARCHAR(500),
    recorded_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    document_key       VARCHAR(512),
    version            BIGINT NOT NULL,
    CONSTRAINT pk_payments PRIMARY KEY (id),
    CONSTRAINT uk_payments_external_reference UNIQUE (external_reference),
    CONSTRAINT fk_payments_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_payments_customer ON payments (customer_id, received_on, id);
CREATE INDEX ix_payments_received ON payments (received_on, id);

CREATE TABLE payment_allocations (
    payment_id         BINARY(16) NOT NULL,
    position           INTEGER NOT NULL,
    invoice_id         BINARY(16) NOT NULL,
    invoice_series     VARCHAR(10) NOT NULL,
    invoice_sequence   BIGINT NOT NULL,
    amount             DECIMAL(19,4) NOT NULL,
    CONSTRAINT pk_payment_allocations PRIMARY KEY (payment_id, position),
    CONSTRAINT fk_payment_allocations_payment FOREIGN KEY (payment_id) REFERENCES payments (id),
    CONSTRAINT fk_payment_allocations_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
);
CREATE INDEX ix_payment_allocations_invoice ON payment_allocations (invoice_id);

CREATE TABLE customer_credits (
    customer_id        BINARY(16) NOT NULL,
    balance            DECIMAL(19,4) NOT NULL,
    currency           CHAR(3) NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT pk_customer_credits PRIMARY KEY (customer_id),
    CONSTRAINT fk_customer_credits_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);

CREATE TABLE credit_movements (
    id                 BINARY(16) NOT NULL,
    customer_id        BINARY(16) NOT NULL,
    kind               VARCHAR(30) NOT NULL,
    amount             DECIMAL(19,4) NOT NULL,
    currency           CHAR(3) NOT NULL,
    movement_date      DATE NOT NULL,
    reference          VARCHAR(100) NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_credit_movements PRIMARY KEY (id),
    CONSTRAINT fk_credit_movements_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_credit_movements_customer ON credit_movements (customer_id, movement_date, created_at, id);
