package org.wispcrm.billing.document.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.billing.document.CreditNotePdf;
import org.wispcrm.billing.document.DocumentKeys;
import org.wispcrm.billing.document.DocumentMessageKeys;
import org.wispcrm.billing.document.InvoicePdf;
import org.wispcrm.billing.document.PdfSettings;
import org.wispcrm.billing.document.ReceiptPdf;
import org.wispcrm.billing.document.StatementPdf;
import org.wispcrm.billing.document.StatementView;
import org.wispcrm.billing.invoice.BillingRunListener;
import org.wispcrm.billing.statement.Statement;
import org.wispcrm.billing.statement.StatementEntry;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.common.CreditNoteId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PaymentId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.CustomerSnapshot;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentQuery;

/**
 * Produces the PDFs of committed documents, stores them and records their keys: the step after an invoice (credit
 * note, payment) commits.
 *
 * <p><b>Order of effects.</b> The invoice is committed first, by billing, with its outbox message already carrying
 * the document's deterministic key ({@link DocumentKeys}); then this service renders the PDF, puts it in storage,
 * and records the key on the invoice in a short unit of work of its own, where it also marks the message's attachment
 * as stored, so the dispatcher links it without asking the storage. If storage fails, the invoice is untouched
 * and valid, its message waits (the dispatcher retries while the document is missing), and
 * {@link #renderMissing()} produces it on a later attempt. Nothing here creates or numbers an invoice, so a retry can
 * never duplicate one; rendering again writes the same bytes under the same key.
 *
 * <p><b>Stored documents are kept.</b> A document already in storage under its key is never replaced (it is what
 * the customer received, even if the letterhead changed since); only its key is recorded if that was missing.
 *
 * <p>Wiring after a billing run: {@code billing.invoicing().run(date, documents.afterCommit())}; and, on a schedule
 * or after a storage outage, {@code documents.renderMissing()}. Thread-safe.
 */
public final class DocumentService {
    /** The content type of every document stored here. */
    public static final String PDF = "application/pdf";

    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    private static final int SAVE_ATTEMPTS = 5;
    private static final int PAGE = 200;
    private static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();
    private static final int WRITERS_PER_RENDERER = 4;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final Persistence store;
    private final DocumentStorage storage;
    private final InvoicePdf invoices;
    private final CreditNotePdf creditNotes;
    private final ReceiptPdf receipts;
    private final StatementPdf statements;

    /**
     * A service over one store and one document storage.
     *
     * @param settings the letterhead, fonts and labels shared by every renderer
     */
    public DocumentService(Persistence store, DocumentStorage storage, PdfSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.storage = Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(settings, "settings");
        this.invoices = new InvoicePdf(settings);
        this.creditNotes = new CreditNotePdf(settings);
        this.receipts = new ReceiptPdf(settings);
        this.statements = new StatementPdf(settings);
    }

    // ---- invoices ------------------------------------------------------------------------------------------------

    /**
     * Stores the PDF of a committed invoice (unless it is stored already) and records its key on the invoice.
     *
     * @return the key, {@link DocumentKeys#invoice}
     * @throws WispCrmException {@code STORAGE_FAILURE} if storage fails (the invoice is left as it was);
     *     {@code NOT_FOUND} if the invoice was not committed; {@code ILLEGAL_TRANSITION} for a draft
     */
    public DocumentKey storeInvoice(Invoice invoice) {
        DocumentKey key = invoiceKey(invoice);
        store(invoice, key);
        return key;
    }

    /** {@link #storeInvoice(Invoice)} for the invoice with this id. */
    public DocumentKey storeInvoice(InvoiceId id) {
        return storeInvoice(store.invoices().findById(id).orElseThrow(() -> WispCrmException.notFound("Invoice", id)));
    }

    /** Where an invoice's PDF is stored (whether or not it is yet). */
    public DocumentKey invoiceKey(Invoice invoice) {
        return DocumentKeys.invoice(invoice.requireNumber(), invoice.issueDate());
    }

    /** Stores (unless stored) and records; whether it stored. */
    private boolean store(Invoice invoice, DocumentKey key) {
        boolean stored = putUnlessStored(key, invoices.render(invoice));
        record(invoice.id(), key);
        return stored;
    }

    private void record(InvoiceId id, DocumentKey key) {
        saveWithRetry("Invoice " + id, () -> {
            Invoice fresh = store.invoices().findById(id).orElseThrow(() -> WispCrmException.notFound("Invoice", id));
            if (!key.equals(fresh.documentKey())) {
                store.invoices().save(fresh.attachDocument(key));
            }
            store.outbox().markAttachmentsStored(List.of(DocumentMessageKeys.invoiceIssued(fresh.requireNumber())));
        });
    }

    /**
     * A listener for {@code BillingService.run(date, listener)}: stores each invoice's PDF once the chunk that issued
     * it has committed. A storage failure is logged and left for {@link #renderMissing()}; it never stops the run.
     * Dry-run previews (drafts) are ignored.
     */
    public BillingRunListener afterCommit() {
        return afterCommit(BillingRunListener.NONE);
    }

    /** {@link #afterCommit()}, passing every event on to {@code next} as well (a progress bar, say). */
    public BillingRunListener afterCommit(BillingRunListener next) {
        Objects.requireNonNull(next, "next");
        return new BillingRunListener() {
            @Override
            public void invoiced(Invoice invoice) {
                if (invoice.status() != InvoiceStatus.DRAFT) {
                    try {
                        storeInvoice(invoice);
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "PDF of invoice {} not stored yet ({}); renderMissing() will retry",
                                invoice.number(),
                                e.getMessage());
                    }
                }
                next.invoiced(invoice);
            }

            @Override
            public void failed(org.wispcrm.billing.invoice.BillingFailure failure) {
                next.failed(failure);
            }

            @Override
            public void progress(long customersDone) {
                next.progress(customersDone);
            }
        };
    }

    /** {@link #renderMissing(LocalDate)} over every document. */
    public DocumentRunReport renderMissing() {
        return renderMissing(null);
    }

    /** {@link #renderMissing(LocalDate, int)} with one thread per core. */
    public DocumentRunReport renderMissing(@Nullable LocalDate from) {
        return renderMissing(from, DEFAULT_THREADS);
    }

    /**
     * Finds issued invoices, credit notes and payments dated on or after {@code from} (all when null) that have no
     * recorded document, and produces their PDFs: the step after a billing run, and the retry path after a storage
     * failure or a crash. A document that fails is reported and tried again on the next call; the others go on.
     *
     * <p>Invoices are taken a page at a time: {@code threads} threads render their PDFs and four times as many store
     * them (rendering is CPU work; storing is mostly waiting, on the disk's {@code fsync} or on the network, so more
     * stores in flight keep the renderers busy), then the page's keys are recorded in one unit of work. A month of
     * 100,000 invoices is one call.
     *
     * @param threads how many invoices are rendered at once (at least 1)
     */
    public DocumentRunReport renderMissing(@Nullable LocalDate from, int threads) {
        if (threads < 1) {
            throw WispCrmException.invalid("threads", threads, "must be at least 1");
        }
        var tally = new Tally();
        LocalDate since = from != null ? from : EARLIEST;
        ExecutorService renderers = Executors.newFixedThreadPool(threads, DocumentService::workerThread);
        ExecutorService writers =
                Executors.newFixedThreadPool(threads * WRITERS_PER_RENDERER, DocumentService::workerThread);
        try {
            renderMissingInvoices(since, renderers, writers, tally);
        } finally {
            renderers.shutdownNow();
            writers.shutdownNow();
        }
        for (CreditNote note : store.creditNotes().findIssuedBetween(since, LATEST)) {
            if (note.documentKey() == null) {
                tally.attempt("credit note " + note.number(), () -> storeCreditNote(note));
            }
        }
        // recording a receipt's key changes neither the order nor the membership of this query, so offset pages
        // stay stable while we work through them
        var paymentQuery = new PaymentQuery(null, null, from, null);
        for (var page = PageRequest.first(PAGE); ; page = page.next()) {
            var result = store.payments().search(paymentQuery, page);
            for (Payment payment : result.items()) {
                if (payment.documentKey() == null) {
                    tally.attempt("receipt " + payment.externalReference(), () -> {
                        storeReceipt(payment.id());
                        return true;
                    });
                }
            }
            if (!result.hasNext()) {
                break;
            }
        }
        if (!tally.failures.isEmpty()) {
            LOG.warn("{} PDFs could not be stored; the next attempt retries them", tally.failures.size());
        }
        return new DocumentRunReport(tally.examined, tally.rendered, tally.recorded, tally.failures);
    }

    /**
     * Pages through the invoices without a document. The pools render and store one page while this thread
     * records the page before and reads the page after, so neither the database nor the workers wait on the other.
     */
    private void renderMissingInvoices(
            LocalDate since, ExecutorService renderers, ExecutorService writers, Tally tally) {
        List<Invoice> page = store.invoices().findWithoutDocument(since, null, PAGE);
        PageInWork previous = null;
        while (!page.isEmpty()) {
            var current = new PageInWork(page, new ArrayList<>(page.size()));
            for (Invoice invoice : page) {
                current.outcomes()
                        .add(CompletableFuture.supplyAsync(() -> invoices.render(invoice), renderers)
                                .thenApplyAsync(pdf -> putUnlessStored(invoiceKey(invoice), pdf), writers));
            }
            if (previous != null) {
                finish(previous, tally);
            }
            page = page.size() < PAGE
                    ? List.of()
                    : store.invoices()
                            .findWithoutDocument(
                                    since, page.get(page.size() - 1).id(), PAGE);
            previous = current;
        }
        if (previous != null) {
            finish(previous, tally);
        }
    }

    /** A page of invoices whose PDFs the workers are rendering and storing. */
    private record PageInWork(List<Invoice> invoices, List<Future<Boolean>> outcomes) {}

    /** Waits for a page's documents, counts them and records the keys of those stored. */
    private void finish(PageInWork page, Tally tally) {
        var stored = new LinkedHashMap<InvoiceId, DocumentKey>();
        var messages = new ArrayList<String>();
        for (int i = 0; i < page.invoices().size(); i++) {
            Invoice invoice = page.invoices().get(i);
            Future<Boolean> outcome = page.outcomes().get(i);
            tally.attempt("invoice " + invoice.requireNumber(), () -> {
                boolean storedNow = awaitStored(outcome);
                stored.put(invoice.id(), invoiceKey(invoice));
                messages.add(DocumentMessageKeys.invoiceIssued(invoice.requireNumber()));
                return storedNow;
            });
        }
        recordAll(stored, messages);
    }

    /** Records a page's keys, and tells the outbox that the messages' attachments are stored, in one unit of work. */
    private void recordAll(Map<InvoiceId, DocumentKey> keys, List<String> messages) {
        store.transactions().inTransaction(() -> {
            store.invoices().attachDocuments(keys);
            store.outbox().markAttachmentsStored(messages);
        });
    }

    private static boolean awaitStored(Future<Boolean> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WispCrmException.adapterFailure(ErrorCode.STORAGE_FAILURE, "Interrupted while storing documents", e);
        }
    }

    private static Thread workerThread(Runnable work) {
        Thread thread = new Thread(work, "wispcrm-documents");
        thread.setDaemon(true);
        return thread;
    }

    /** Counts what {@link #renderMissing(LocalDate)} did. */
    private static final class Tally {
        long examined;
        long rendered;
        long recorded;
        final List<DocumentRunReport.Failure> failures = new ArrayList<>();

        /** Runs one document's work, which says whether it stored a new PDF (false: one was already stored). */
        void attempt(String document, BooleanSupplier work) {
            examined++;
            try {
                if (work.getAsBoolean()) {
                    rendered++;
                } else {
                    recorded++;
                }
            } catch (RuntimeException e) {
                failures.add(new DocumentRunReport.Failure(document, String.valueOf(e.getMessage())));
            }
        }
    }

    // ---- credit notes, receipts, statements ----------------------------------------------------------------------

    /**
     * Stores the PDF of a committed credit note (unless stored already) and records its key on the note.
     *
     * @return the key, {@link DocumentKeys#creditNote}
     */
    public DocumentKey storeCreditNote(CreditNoteId id) {
        CreditNote note =
                store.creditNotes().findById(id).orElseThrow(() -> WispCrmException.notFound("CreditNote", id));
        storeCreditNote(note);
        return DocumentKeys.creditNote(note.number(), note.issueDate());
    }

    /** Stores (unless stored) and records; whether it stored. */
    private boolean storeCreditNote(CreditNote note) {
        DocumentKey key = DocumentKeys.creditNote(note.number(), note.issueDate());
        boolean stored = putUnlessStored(key, creditNotes.render(note));
        saveWithRetry("CreditNote " + note.id(), () -> {
            CreditNote fresh = store.creditNotes().findById(note.id()).orElseThrow();
            if (!key.equals(fresh.documentKey())) {
                store.creditNotes().save(fresh.attachDocument(key));
            }
            store.outbox().markAttachmentsStored(List.of(DocumentMessageKeys.creditNoteIssued(note.number())));
        });
        return stored;
    }

    /**
     * Stores the receipt of a committed payment and records its key on the payment. A receipt is rendered again
     * when the payment's status changed since (a reversal prints on it).
     *
     * @return the key, {@link DocumentKeys#receipt}
     */
    public DocumentKey storeReceipt(PaymentId id) {
        Payment payment = store.payments().findById(id).orElseThrow(() -> WispCrmException.notFound("Payment", id));
        CustomerSnapshot customer = store.customers()
                .findById(payment.customerId())
                .map(CustomerSnapshot::of)
                .orElseThrow(() -> WispCrmException.notFound("Customer", payment.customerId()));
        DocumentKey key = DocumentKeys.receipt(payment.id().toString(), payment.receivedOn());
        put(key, receipts.render(payment, customer));
        saveWithRetry("Payment " + id, () -> {
            Payment fresh = store.payments().findById(id).orElseThrow();
            if (!key.equals(fresh.documentKey())) {
                store.payments().save(fresh.attachDocument(key));
            }
            store.outbox().markAttachmentsStored(List.of(DocumentMessageKeys.paymentReceived(id)));
        });
        return key;
    }

    /**
     * Renders and stores an account statement (statements are not recorded on any aggregate: the key is derived
     * from the customer and the period's last day, so asking again for the same statement finds it).
     *
     * @return the key, {@link #statementKey}
     */
    public DocumentKey storeStatement(StatementView statement) {
        DocumentKey key = statementKey(statement.customer().code(), statement.to());
        put(key, statements.render(statement));
        return key;
    }

    /**
     * Renders and stores billing's statement of a customer's account, dated {@code issuedOn}; the customer's current
     * name, address and locale head it.
     *
     * @return the key, {@link #statementKey}
     */
    public DocumentKey storeStatement(Statement statement, LocalDate issuedOn) {
        CustomerSnapshot customer = store.customers()
                .findById(statement.customerId())
                .map(CustomerSnapshot::of)
                .orElseThrow(() -> WispCrmException.notFound("Customer", statement.customerId()));
        return storeStatement(view(statement, customer, issuedOn));
    }

    /** Billing's statement in the shape {@link StatementPdf} prints (its range ends the day before {@code before}). */
    public static StatementView view(Statement statement, CustomerSnapshot customer, LocalDate issuedOn) {
        var entries = new ArrayList<StatementView.Entry>();
        for (StatementEntry entry : statement.entries()) {
            StatementView.EntryKind kind = switch (entry.kind()) {
                case INVOICE -> StatementView.EntryKind.INVOICE;
                case CREDIT_NOTE -> StatementView.EntryKind.CREDIT_NOTE;
                case PAYMENT -> StatementView.EntryKind.PAYMENT;
                case PAYMENT_REVERSAL -> StatementView.EntryKind.PAYMENT_REVERSAL;
            };
            entries.add(new StatementView.Entry(
                    entry.date(),
                    kind,
                    entry.reference(),
                    entry.description(),
                    entry.debit().subtract(entry.credit())));
        }
        return new StatementView(
                customer,
                statement.openingBalance().getCurrency(),
                statement.from(),
                statement.before().minusDays(1),
                issuedOn,
                statement.openingBalance(),
                entries);
    }

    /** Where a customer's statement up to {@code to} is stored: {@link DocumentKeys#statement}. */
    public static DocumentKey statementKey(String customerCode, LocalDate to) {
        return DocumentKeys.statement(customerCode, to);
    }

    // ---- storage -------------------------------------------------------------------------------------------------

    /** Stores unless a document is stored under the key already, which is kept; whether it stored. */
    private boolean putUnlessStored(DocumentKey key, byte[] pdf) {
        boolean stored = storage.putIfAbsent(key, pdf, PDF);
        LOG.debug(stored ? "Stored {} ({} bytes)" : "Kept the stored {} (not replaced by {} bytes)", key, pdf.length);
        return stored;
    }

    private void put(DocumentKey key, byte[] pdf) {
        storage.put(key, pdf, PDF);
        LOG.debug("Stored {} ({} bytes)", key, pdf.length);
    }

    /** Runs a read-modify-save in its own unit of work, again if another writer got in between. */
    private void saveWithRetry(String what, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.transactions().inTransaction(work);
                return;
            } catch (WispCrmException e) {
                if (e.code() != ErrorCode.CONCURRENT_MODIFICATION || attempt == SAVE_ATTEMPTS) {
                    throw e;
                }
                LOG.debug("{} changed while recording its document; attempt {}", what, attempt + 1);
            }
        }
    }
}
