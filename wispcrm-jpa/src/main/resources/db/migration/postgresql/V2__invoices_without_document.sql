-- DocumentService.renderMissing pages through the invoices that have no PDF yet by id (InvoiceRepository
-- .findWithoutDocument). A partial index holds only those, so each page is an index range scan whatever the size of
-- the table, and the planner picks it even before the table has statistics (right after a billing run).
CREATE INDEX ix_invoices_without_document ON invoices (id) WHERE document_key IS NULL;
