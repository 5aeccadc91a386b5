-- An agency's optional short name ("RS Police"), shown on projected boards where a full name would not fit,
-- with a key to the full name. Unique within the partnership when set (several agencies may have none).
ALTER TABLE agency ADD COLUMN short_name VARCHAR(40);
ALTER TABLE agency ADD CONSTRAINT agency_short_name_uk UNIQUE (partnership_id, short_name);
