// SPDX-License-Identifier: Apache-2.0
// The schema, as numbered migrations. Types are explicit (STRICT tables) and
// the SQL stays close to what PostgreSQL accepts, so that backend's own
// migrations can mirror these one for one. CHECKs spell out alternatives
// with OR: SQLite builds a temporary index for an IN list on every insert.
#include "store/migrations.h"

static const char m1_schema[] =
	"CREATE TABLE programme ("
	"  code TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL"
	") STRICT;"

	"CREATE TABLE office ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE CHECK (length(code) = 6),"
	"  country TEXT NOT NULL CHECK (length(country) = 3),"
	"  name TEXT NOT NULL"
	") STRICT;"

	/* The last case number given per office and year. */
	"CREATE TABLE case_counter ("
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  year INTEGER NOT NULL,"
	"  last INTEGER NOT NULL,"
	"  PRIMARY KEY (office_id, year)"
	") STRICT, WITHOUT ROWID;"

	"CREATE TABLE cases ("
	"  id INTEGER PRIMARY KEY,"
	"  ref TEXT NOT NULL UNIQUE,"
	"  programme TEXT NOT NULL REFERENCES programme(code),"
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  origin TEXT NOT NULL CHECK (length(origin) = 3),"
	"  destination TEXT NOT NULL CHECK (length(destination) = 3),"
	"  state TEXT NOT NULL,"
	"  priority TEXT NOT NULL"
	"    CHECK (priority = 'normal' OR priority = 'urgent' OR priority = 'emergency'),"
	"  registered_on TEXT NOT NULL"
	") STRICT;"

	"CREATE TABLE person ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 99),"
	"  relationship TEXT NOT NULL,"
	"  family_name TEXT NOT NULL,"
	"  given_names TEXT NOT NULL,"
	"  family_name_latin TEXT NOT NULL,"
	"  given_names_latin TEXT NOT NULL,"
	"  sex TEXT NOT NULL CHECK (sex = 'F' OR sex = 'M' OR sex = 'X'),"
	"  birth_date TEXT NOT NULL,"
	"  birth_date_approx INTEGER NOT NULL CHECK (birth_date_approx BETWEEN 0 AND 1),"
	"  nationality TEXT NOT NULL CHECK (length(nationality) = 3),"
	"  languages TEXT NOT NULL,"
	"  UNIQUE (case_id, seq)"
	") STRICT;"

	"CREATE TABLE document ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  kind TEXT NOT NULL,"
	"  number TEXT NOT NULL,"
	"  issuer TEXT NOT NULL CHECK (length(issuer) = 3),"
	"  expires_on TEXT"
	") STRICT;"
	"CREATE INDEX document_person ON document(person_id);"

	"CREATE TABLE person_need ("
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  code TEXT NOT NULL,"
	"  PRIMARY KEY (person_id, code)"
	") STRICT, WITHOUT ROWID;"

	/* The history: who, when, what, why. Append-only, enforced below. */
	"CREATE TABLE event ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER REFERENCES cases(id),"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  detail TEXT NOT NULL,"
	"  reason TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX event_case ON event(case_id);"
	"CREATE TRIGGER event_no_update BEFORE UPDATE ON event"
	"  BEGIN SELECT RAISE(ABORT, 'the event history is append-only'); END;"
	"CREATE TRIGGER event_no_delete BEFORE DELETE ON event"
	"  BEGIN SELECT RAISE(ABORT, 'the event history is append-only'); END;"

	"INSERT INTO programme (code, name) VALUES"
	"  ('HEV', 'international humanitarian evacuation'),"
	"  ('VHR', 'voluntary humanitarian return'),"
	"  ('AVR', 'assisted voluntary return and reintegration'),"
	"  ('REP', 'voluntary repatriation of refugees'),"
	"  ('HASM', 'humanitarian assistance to stranded migrants'),"
	"  ('RST', 'resettlement to a third state'),"
	"  ('REL', 'relocation inside the EU'),"
	"  ('CPW', 'complementary pathways');"

	/* The offices of the operations Corridor ships knowing; more are added
	 * with `corridor office add`. */
	"INSERT INTO office (code, country, name) VALUES"
	"  ('LY-TIP', 'LBY', 'Tripoli'),"
	"  ('LY-BEN', 'LBY', 'Benghazi'),"
	"  ('LY-SEB', 'LBY', 'Sabha'),"
	"  ('YE-ADE', 'YEM', 'Aden'),"
	"  ('NE-NIM', 'NER', 'Niamey'),"
	"  ('NE-AJY', 'NER', 'Agadez'),"
	"  ('SD-PZU', 'SDN', 'Port Sudan'),"
	"  ('LB-BEY', 'LBN', 'Beirut'),"
	"  ('TR-IST', 'TUR', 'Istanbul'),"
	"  ('TR-GZT', 'TUR', 'Gaziantep'),"
	"  ('JO-AMM', 'JOR', 'Amman'),"
	"  ('KE-NBO', 'KEN', 'Nairobi'),"
	"  ('UG-KLA', 'UGA', 'Kampala'),"
	"  ('TZ-DAR', 'TZA', 'Dar es Salaam'),"
	"  ('EG-CAI', 'EGY', 'Cairo'),"
	"  ('ET-ADD', 'ETH', 'Addis Ababa'),"
	"  ('AF-KBL', 'AFG', 'Kabul'),"
	"  ('PK-ISB', 'PAK', 'Islamabad'),"
	"  ('IT-ROM', 'ITA', 'Rome'),"
	"  ('GR-ATH', 'GRC', 'Athens'),"
	"  ('DE-BER', 'DEU', 'Berlin'),"
	"  ('BE-BRU', 'BEL', 'Brussels'),"
	"  ('MA-RBA', 'MAR', 'Rabat'),"
	"  ('DJ-JIB', 'DJI', 'Djibouti');";

/* The eligibility and priority rules in force, as the "key = value" text
 * that changed the defaults, one version a row; the highest is in force. */
static const char m7_rules[] = "CREATE TABLE rules_config ("
			       "  version INTEGER PRIMARY KEY CHECK (version >= 1),"
			       "  text TEXT NOT NULL,"
			       "  set_at TEXT NOT NULL,"
			       "  set_by TEXT NOT NULL"
			       ") STRICT;";

/* Identity across devices (docs/operations.md): every record a device can
 * create gets a uid, a UUIDv7 made where it is made (cor_uuid7(), a function
 * of the connection) and never changed; records that exist before this
 * migration get theirs here (the migrations run with triggers off, so the
 * append-only tables take them too). Every INSERT names the uid: the constant
 * default only lets the column be added (migration 9 keeps the unique index
 * only where a uid is looked up). Records named by a natural key (office and place codes, a
 * person's needs, a movement's legs, ...) are identified through it.
 *
 * Case numbers: the database is its office's primary (numbering cases from
 * case_counter, and leasing blocks of numbers to devices) or a device
 * enrolled with a primary (numbering only from the blocks it was given). */
static const char m8_identity[] =
	"ALTER TABLE cases ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE cases SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX cases_uid ON cases(uid);"
	"ALTER TABLE person ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE person SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX person_uid ON person(uid);"
	"ALTER TABLE document ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE document SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX document_uid ON document(uid);"
	"ALTER TABLE event ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE event SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX event_uid ON event(uid);"
	"ALTER TABLE counselling ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE counselling SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX counselling_uid ON counselling(uid);"
	"ALTER TABLE referral ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE referral SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX referral_uid ON referral(uid);"
	"ALTER TABLE protection_assessment ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE protection_assessment SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX protection_assessment_uid ON protection_assessment(uid);"
	"ALTER TABLE protection_clearance ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE protection_clearance SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX protection_clearance_uid ON protection_clearance(uid);"
	"ALTER TABLE health_check ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE health_check SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX health_check_uid ON health_check(uid);"
	"ALTER TABLE health_note ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE health_note SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX health_note_uid ON health_note(uid);"
	"ALTER TABLE fund_request ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE fund_request SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX fund_request_uid ON fund_request(uid);"
	"ALTER TABLE fund_payment ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE fund_payment SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX fund_payment_uid ON fund_payment(uid);"
	"ALTER TABLE movement ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE movement SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX movement_uid ON movement(uid);"
	"ALTER TABLE booking ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE booking SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX booking_uid ON booking(uid);"
	"ALTER TABLE support_item ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE support_item SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX support_item_uid ON support_item(uid);"
	"ALTER TABLE support_visit ADD COLUMN uid BLOB NOT NULL DEFAULT x'00';"
	"UPDATE support_visit SET uid = cor_uuid7();"
	"CREATE UNIQUE INDEX support_visit_uid ON support_visit(uid);"

	"CREATE TABLE db_identity ("
	"  one INTEGER PRIMARY KEY CHECK (one = 1),"
	"  role TEXT NOT NULL CHECK (role = 'primary' OR role = 'device'),"
	"  device TEXT NOT NULL,"
	"  since TEXT NOT NULL,"
	"  CHECK ((role = 'primary') = (device = ''))"
	") STRICT;"
	"INSERT INTO db_identity (one, role, device, since) VALUES (1, 'primary', '', '');"

	/* On a primary: the blocks leased to each device (the counter is past
	 * them). On a device: the blocks it was given, and the next number of
	 * each to give. */
	"CREATE TABLE number_block ("
	"  id INTEGER PRIMARY KEY,"
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),"
	"  first_no INTEGER NOT NULL CHECK (first_no >= 1),"
	"  last_no INTEGER NOT NULL CHECK (last_no <= 999999),"
	"  next_no INTEGER NOT NULL,"
	"  device TEXT NOT NULL CHECK (device <> ''),"
	"  leased_at TEXT NOT NULL,"
	"  leased_by TEXT NOT NULL,"
	"  uid BLOB NOT NULL UNIQUE,"
	"  CHECK (last_no >= first_no AND next_no >= first_no AND next_no <= last_no + 1),"
	"  UNIQUE (office_id, year, first_no)"
	") STRICT;";

/* A uid is looked up where a record is looked up on its own: a case, a
 * movement, a block of numbers. Every other record belongs to one of them
 * and is found through its parent's index (the persons and events of a case,
 * the documents of a person, the bookings of a movement, ...), so its uid
 * needs no index of its own, which an import of a million persons would pay
 * for row by row (bench/RESULTS.md). Uids stay unique by how they are made
 * (util/uuid.h); every INSERT names one. */
static const char m9_uid_lookup[] = "DROP INDEX person_uid;"
				    "DROP INDEX document_uid;"
				    "DROP INDEX event_uid;"
				    "DROP INDEX counselling_uid;"
				    "DROP INDEX referral_uid;"
				    "DROP INDEX protection_assessment_uid;"
				    "DROP INDEX protection_clearance_uid;"
				    "DROP INDEX health_check_uid;"
				    "DROP INDEX health_note_uid;"
				    "DROP INDEX fund_request_uid;"
				    "DROP INDEX fund_payment_uid;"
				    "DROP INDEX booking_uid;"
				    "DROP INDEX support_item_uid;"
				    "DROP INDEX support_visit_uid;";

/* Search (store_search.h): the search keys of every person (domain/fold.h),
 * one row a key, found by prefix or equality on the primary key; and the
 * pairs of persons marked as not the same person. The keys of the persons
 * already there are written by the backend right after this step
 * (cor_store_search_ops.backfill), in the same transaction. */
static const char m10_search[] = "CREATE TABLE person_key ("
				 "  key TEXT NOT NULL,"
				 "  person_id INTEGER NOT NULL REFERENCES person(id),"
				 "  PRIMARY KEY (key, person_id)"
				 ") STRICT, WITHOUT ROWID;"
				 "CREATE TABLE person_distinct ("
				 "  id INTEGER PRIMARY KEY,"
				 "  person_a INTEGER NOT NULL REFERENCES person(id),"
				 "  person_b INTEGER NOT NULL REFERENCES person(id),"
				 "  reason TEXT NOT NULL CHECK (reason <> ''),"
				 "  marked_at TEXT NOT NULL,"
				 "  marked_by TEXT NOT NULL,"
				 "  uid BLOB NOT NULL,"
				 "  CHECK (person_a < person_b),"
				 "  UNIQUE (person_a, person_b)"
				 ") STRICT;";

/* Where people are: assembly points (a detention centre, a town, a transit
 * centre; an office is a location of its own and needs no row), a case's
 * location (NULL: its office), which locations reach each place and how;
 * and each leg's own carrier. */
static const char m12_locations[] =
	"CREATE TABLE location ("
	"  code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 7 AND 16),"
	"  kind TEXT NOT NULL CHECK (kind = 'detention' OR kind = 'town' OR kind = 'transit'),"
	"  country TEXT NOT NULL CHECK (length(country) = 3),"
	"  name TEXT NOT NULL CHECK (length(name) >= 1)"
	") STRICT;"
	"CREATE TABLE place_reach ("
	"  place TEXT NOT NULL REFERENCES place(code),"
	"  location TEXT NOT NULL,"
	"  mode TEXT NOT NULL CHECK (mode = 'road' OR mode = 'leg'),"
	"  hours INTEGER NOT NULL CHECK (hours BETWEEN 0 AND 999),"
	"  PRIMARY KEY (location, place)"
	") STRICT, WITHOUT ROWID;"
	"ALTER TABLE cases ADD COLUMN location TEXT;"
	"CREATE INDEX cases_location ON cases(location) WHERE location IS NOT NULL;"
	"ALTER TABLE leg ADD COLUMN carrier TEXT NOT NULL DEFAULT '';";

/* Migration 13 orders two of PostgreSQL's indexes by id (pg_migrations.c);
 * SQLite's already are: an index ends in the row's id. Nothing to do here
 * but to keep the two backends at one schema version. */
static const char m13_latest[] = "SELECT 1;";

const char *const cor_sqlite_migrations[] = {
	m1_schema,
	cor_sqlite_migration_fund,
	cor_sqlite_migration_workflow,
	cor_sqlite_migration_health,
	cor_sqlite_migration_support,
	cor_sqlite_migration_movement,
	m7_rules,
	m8_identity,
	m9_uid_lookup,
	m10_search,
	cor_sqlite_migration_correct,
	m12_locations,
	m13_latest,
};
const size_t cor_sqlite_migrations_len =
	sizeof(cor_sqlite_migrations) / sizeof(cor_sqlite_migrations[0]);
