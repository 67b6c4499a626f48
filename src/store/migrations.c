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

const char *const cor_sqlite_migrations[] = {
	m1_schema,
	cor_sqlite_migration_fund,
	cor_sqlite_migration_workflow,
	cor_sqlite_migration_health,
	cor_sqlite_migration_support,
	cor_sqlite_migration_movement,
	m7_rules,
};
const size_t cor_sqlite_migrations_len =
	sizeof(cor_sqlite_migrations) / sizeof(cor_sqlite_migrations[0]);
