-- A workshop text sent to the safeguarding lead from moderation is one flag however often it is sent: the flag is
-- found again by its workshop and its text (kind and ref without the words' version). Survey texts already have
-- their one flag per response and question (safeguarding_flag_question_uk). Flags of surveys have no workshop, and
-- rows whose workshop_id is null never clash, on H2 as on PostgreSQL.
ALTER TABLE safeguarding_flag ADD CONSTRAINT safeguarding_flag_source_uk UNIQUE (workshop_id, source_ref);
