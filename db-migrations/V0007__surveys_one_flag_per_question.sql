-- One safeguarding flag per response and question, updated (not added) when the young person saves the answer
-- again, so repeated saves cannot flood the queue. Flags from before this change that repeat a response and a
-- question keep their own row: their id goes into slot, so nothing a lead may still need disappears. Every flag
-- written from now on has slot 0, and the unique key makes a second one for the same question impossible.
ALTER TABLE safeguarding_flag ADD COLUMN slot BIGINT NOT NULL DEFAULT 0;
UPDATE safeguarding_flag f SET slot = f.id WHERE EXISTS (
    SELECT 1 FROM safeguarding_flag g
    WHERE g.response_id = f.response_id AND g.question_id = f.question_id AND g.id > f.id);
ALTER TABLE safeguarding_flag ADD CONSTRAINT safeguarding_flag_question_uk UNIQUE (response_id, question_id, slot);

-- What the answer said before it was changed to the text in body (newest first, cut to this length), so editing
-- one disclosure into another does not make the first one disappear.
ALTER TABLE safeguarding_flag ADD COLUMN earlier VARCHAR(4000);

-- The lead's page counts flags of the last hour and pages through the queue, open ones first.
CREATE INDEX safeguarding_flag_time_ix ON safeguarding_flag (partnership_id, flagged_at);
