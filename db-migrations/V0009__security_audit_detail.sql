-- Issue 12: the audit log says which findings were viewed or exported with which filter, and which text was moderated.
-- Never the words of a text, never anything a young person or participant gave: filters, ids and refs only.
ALTER TABLE audit_event ADD COLUMN detail VARCHAR(1000);

CREATE INDEX audit_event_partnership_action ON audit_event (partnership_id, action, occurred_at);
