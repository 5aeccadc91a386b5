-- Issue 15: data kept only as long as it should be (decision 0031).
-- Portable SQL: runs unchanged on H2 (2.x) and PostgreSQL (15+).

-- Per partnership, set by its administrators: how many days after a survey closes its responses are deleted, and
-- how many days after a workshop ends its inputs are deleted.
ALTER TABLE partnership ADD COLUMN survey_retention_days INTEGER NOT NULL DEFAULT 365;
ALTER TABLE partnership ADD COLUMN workshop_retention_days INTEGER NOT NULL DEFAULT 365;
ALTER TABLE partnership ADD CONSTRAINT partnership_survey_retention_ck CHECK (survey_retention_days BETWEEN 1 AND 3650);
ALTER TABLE partnership ADD CONSTRAINT partnership_workshop_retention_ck CHECK (workshop_retention_days BETWEEN 1 AND 3650);

-- When a survey was last closed (empty while it is a draft or open). Surveys closed before this change count from
-- the day it was installed, so nothing is deleted the moment the rule arrives.
ALTER TABLE survey ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
UPDATE survey SET closed_at = CURRENT_TIMESTAMP WHERE status = 'CLOSED';

-- When the retention rule deleted a survey's responses or a workshop's inputs. The survey or workshop itself (its
-- title, dates and what staff wrote) stays, so the record says what ran and that its data is gone.
ALTER TABLE survey ADD COLUMN data_deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE workshop ADD COLUMN data_deleted_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX survey_closed_ix ON survey (closed_at);
CREATE INDEX workshop_ended_ix ON workshop (ended_at);
-- flags and alerts are found by their survey when a survey's data goes
CREATE INDEX safeguarding_flag_survey_ix ON safeguarding_flag (survey_id);
CREATE INDEX safeguarding_alert_flag_ix ON safeguarding_alert (flag_id);
