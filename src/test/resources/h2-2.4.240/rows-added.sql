INSERT INTO survey (partnership_id, template_id, title, status, access_code, link_token, created_at)
  SELECT id, 'safe-places', 'Summer survey written by H2 2.4.240', 'OPEN', 'OLDH2A', 'old-h2-link-token-0001', CURRENT_TIMESTAMP FROM partnership;
INSERT INTO response (id, survey_id, status, language, started_on, submitted_on)
  SELECT 'aaaaaaaa-0000-0000-0000-00000000000' || x, s.id, 'SUBMITTED', 'en', DATE '2026-11-20', DATE '2026-11-20'
  FROM survey s, SYSTEM_RANGE(1, 6) r(x) WHERE s.access_code = 'OLDH2A';
INSERT INTO answer_place (response_id, question_id, place_ref, place_id, rating)
  SELECT r.id, 'places', CAST(p.id AS VARCHAR), p.id, 'UNSAFE' FROM response r, place p WHERE r.id LIKE 'aaaaaaaa-%' AND p.name = (SELECT MIN(name) FROM place);
INSERT INTO answer_text (response_id, question_id, item, body, moderation)
  SELECT id, 'anything-else', 'text', 'Written before the upgrade', 'PENDING' FROM response WHERE id LIKE 'aaaaaaaa-%';
SELECT (SELECT COUNT(*) FROM account), (SELECT COUNT(*) FROM agency), (SELECT COUNT(*) FROM place), (SELECT COUNT(*) FROM response), (SELECT COUNT(*) FROM answer_place), (SELECT COUNT(*) FROM answer_text), H2VERSION();
