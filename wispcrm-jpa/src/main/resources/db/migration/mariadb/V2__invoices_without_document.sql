-- DocumentService.renderMissing pages through the invoices that have no PDF yet by id (InvoiceRepository
-- .findWithoutDocument): `document_key IS NULL AND id > ? ORDER BY id` is a range of this index, in order, so a page
-- costs the same whatever the size of the table (MariaDB has no partial indexes).
CREATE INDEX ix_invoices_without_document ON invoices (document_key, id);
