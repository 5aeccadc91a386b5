-- A number that grows whenever an account's password is set by someone else, its roles change or it is
-- deactivated. Sign-in copies it into the session; a session holding an older number is ended on its next
-- request, on whichever node it lives, because every node reads the number from this table.
ALTER TABLE account ADD COLUMN session_generation INTEGER NOT NULL DEFAULT 0;
