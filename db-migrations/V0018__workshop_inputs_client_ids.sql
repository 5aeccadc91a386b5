-- Issue 15: a need or a mapping note carries an id its phone made, so sending it again (a double tap, a retry after
-- the connection or the server went down) stores it once. Empty for rows from before this change.
-- Portable SQL: runs unchanged on H2 (2.x) and PostgreSQL (15+); rows whose client_id is null never clash.

ALTER TABLE need ADD COLUMN client_id VARCHAR(36);
ALTER TABLE need ADD CONSTRAINT need_client_uk UNIQUE (participant_id, client_id);
ALTER TABLE mapping_note ADD COLUMN client_id VARCHAR(36);
ALTER TABLE mapping_note ADD CONSTRAINT mapping_note_client_uk UNIQUE (participant_id, client_id);
