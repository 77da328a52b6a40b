-- Whether a message's attachments are known to be stored (NotificationOutbox.markAttachmentsStored, called by
-- DocumentService in the unit that records the documents' keys): the dispatcher then links them without asking the
-- storage first. Messages enqueued before this migration keep false and are checked as before.
ALTER TABLE notifications ADD COLUMN attachments_stored BOOLEAN NOT NULL DEFAULT FALSE;
