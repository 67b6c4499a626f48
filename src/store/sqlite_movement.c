// SPDX-License-Identifier: Apache-2.0
// Movements on SQLite: places, movements and legs, quotas, escorts,
// bookings, and the day of departure. See store_movement.h for the
// invariants: records only; whether a booking fits is decided by the
// operations layer (service/movement.c) before it writes.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/country.h"
#include "store/store_movement.h"
#include "store/store_movement_ops.h"
#include "store/store_sqlite_int.h"
#include "store/store_workflow.h"
#include "util/error.h"
#include "util/tz.h"

const char cor_sqlite_migration_movement[] =
	"CREATE TABLE place ("
	"  code TEXT PRIMARY KEY CHECK (length(code) = 3 OR length(code) = 5),"
	"  kind TEXT NOT NULL CHECK (kind = 'airport' OR kind = 'port' OR kind = 'land'),"
	"  name TEXT NOT NULL CHECK (length(name) >= 1),"
	"  country TEXT NOT NULL CHECK (length(country) = 3),"
	"  tz TEXT NOT NULL CHECK (length(tz) >= 1)"
	") STRICT;"
	"CREATE TABLE movement ("
	"  id INTEGER PRIMARY KEY,"
	"  ref TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL CHECK (kind = 'charter' OR kind = 'scheduled' OR kind = 'vessel'"
	"    OR kind = 'convoy'),"
	"  label TEXT NOT NULL CHECK (length(label) >= 1),"
	"  carrier TEXT NOT NULL,"
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  state TEXT NOT NULL CHECK (state = 'planned' OR state = 'open' OR state = 'closed'"
	"    OR state = 'departed' OR state = 'arrived' OR state = 'cancelled'),"
	"  escort_seats INTEGER NOT NULL CHECK (escort_seats >= 0),"
	"  departs TEXT NOT NULL," /* the first leg's, for ordering and the horizon */
	"  created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX movement_departs ON movement(departs);"
	"CREATE TABLE leg ("
	"  movement_id INTEGER NOT NULL REFERENCES movement(id),"
	"  seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 8),"
	"  origin TEXT NOT NULL REFERENCES place(code),"
	"  destination TEXT NOT NULL REFERENCES place(code),"
	"  number TEXT NOT NULL,"
	"  departs TEXT NOT NULL," /* UTC "YYYY-MM-DDTHH:MMZ" */
	"  arrives TEXT NOT NULL,"
	"  seats INTEGER NOT NULL CHECK (seats >= 1),"
	"  stretchers INTEGER NOT NULL CHECK (stretchers >= 0),"
	"  wchc INTEGER NOT NULL CHECK (wchc >= 0),"
	"  wchs INTEGER NOT NULL CHECK (wchs >= 0),"
	"  PRIMARY KEY (movement_id, seq)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE movement_quota ("
	"  movement_id INTEGER NOT NULL REFERENCES movement(id),"
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  seats INTEGER NOT NULL CHECK (seats >= 0),"
	"  PRIMARY KEY (movement_id, office_id)"
	") STRICT, WITHOUT ROWID;"
	/* Escorts travel on the manifest like any passenger: their identity and
	 * travel document are needed for advance passenger information. */
	"CREATE TABLE movement_escort ("
	"  movement_id INTEGER NOT NULL REFERENCES movement(id),"
	"  no INTEGER NOT NULL CHECK (no >= 1),"
	"  family_name TEXT NOT NULL CHECK (length(family_name) >= 1),"
	"  given_names TEXT NOT NULL,"
	"  sex TEXT NOT NULL CHECK (sex = 'F' OR sex = 'M' OR sex = 'X'),"
	"  birth_date TEXT NOT NULL,"
	"  nationality TEXT NOT NULL CHECK (length(nationality) = 3),"
	"  passport TEXT NOT NULL,"
	"  issuer TEXT NOT NULL,"
	"  expires_on TEXT,"
	"  medical INTEGER NOT NULL CHECK (medical BETWEEN 0 AND 1),"
	"  PRIMARY KEY (movement_id, no)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE booking ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  movement_id INTEGER NOT NULL REFERENCES movement(id),"
	"  status TEXT NOT NULL CHECK (status = 'booked' OR status = 'standby'"
	"    OR status = 'no_show' OR status = 'departed' OR status = 'cancelled'),"
	"  board TEXT NOT NULL REFERENCES place(code),"
	"  alight TEXT NOT NULL REFERENCES place(code),"
	"  seat_group INTEGER NOT NULL CHECK (seat_group >= 1),"
	"  at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX booking_movement ON booking(movement_id, seat_group);"
	"CREATE INDEX booking_case ON booking(case_id);"
	/* At most one booking or stand-by per case at a time. */
	"CREATE UNIQUE INDEX booking_one_active ON booking(case_id)"
	"  WHERE status = 'booked' OR status = 'standby';"
	"ALTER TABLE event ADD COLUMN movement_id INTEGER REFERENCES movement(id);"
	"CREATE INDEX event_movement ON event(movement_id) WHERE movement_id IS NOT NULL;"
	/* The day from which a case can travel; NULL: now. */
	"ALTER TABLE cases ADD COLUMN available_on TEXT;"
	/* The places of the operations in DOMAIN.md: airports by IATA code, ports
	 * and towns by UN/LOCODE. More with 'corridor place add'. */
	"INSERT INTO place (code, kind, name, country, tz) VALUES"
	"  ('MJI', 'airport', 'Tripoli Mitiga', 'LBY', 'Africa/Tripoli'),"
	"  ('TIP', 'airport', 'Tripoli International', 'LBY', 'Africa/Tripoli'),"
	"  ('MRA', 'airport', 'Misrata', 'LBY', 'Africa/Tripoli'),"
	"  ('BEN', 'airport', 'Benghazi Benina', 'LBY', 'Africa/Tripoli'),"
	"  ('SEB', 'airport', 'Sabha', 'LBY', 'Africa/Tripoli'),"
	"  ('LOS', 'airport', 'Lagos', 'NGA', 'Africa/Lagos'),"
	"  ('ABV', 'airport', 'Abuja', 'NGA', 'Africa/Lagos'),"
	"  ('KAN', 'airport', 'Kano', 'NGA', 'Africa/Lagos'),"
	"  ('NIM', 'airport', 'Niamey', 'NER', 'Africa/Niamey'),"
	"  ('BKO', 'airport', 'Bamako', 'MLI', 'Africa/Bamako'),"
	"  ('CKY', 'airport', 'Conakry', 'GIN', 'Africa/Conakry'),"
	"  ('BJL', 'airport', 'Banjul', 'GMB', 'Africa/Banjul'),"
	"  ('DSS', 'airport', 'Dakar Blaise Diagne', 'SEN', 'Africa/Dakar'),"
	"  ('KRT', 'airport', 'Khartoum', 'SDN', 'Africa/Khartoum'),"
	"  ('PZU', 'airport', 'Port Sudan', 'SDN', 'Africa/Khartoum'),"
	"  ('NDJ', 'airport', 'N''Djamena', 'TCD', 'Africa/Ndjamena'),"
	"  ('ACC', 'airport', 'Accra', 'GHA', 'Africa/Accra'),"
	"  ('ABJ', 'airport', 'Abidjan', 'CIV', 'Africa/Abidjan'),"
	"  ('DAC', 'airport', 'Dhaka', 'BGD', 'Asia/Dhaka'),"
	"  ('ADD', 'airport', 'Addis Ababa Bole', 'ETH', 'Africa/Addis_Ababa'),"
	"  ('MGQ', 'airport', 'Mogadishu', 'SOM', 'Africa/Mogadishu'),"
	"  ('ADE', 'airport', 'Aden', 'YEM', 'Asia/Aden'),"
	"  ('JIB', 'airport', 'Djibouti', 'DJI', 'Africa/Djibouti'),"
	"  ('IST', 'airport', 'Istanbul', 'TUR', 'Europe/Istanbul'),"
	"  ('GZT', 'airport', 'Gaziantep', 'TUR', 'Europe/Istanbul'),"
	"  ('BEY', 'airport', 'Beirut', 'LBN', 'Asia/Beirut'),"
	"  ('AMM', 'airport', 'Amman Queen Alia', 'JOR', 'Asia/Amman'),"
	"  ('NBO', 'airport', 'Nairobi Jomo Kenyatta', 'KEN', 'Africa/Nairobi'),"
	"  ('EBB', 'airport', 'Entebbe', 'UGA', 'Africa/Kampala'),"
	"  ('DAR', 'airport', 'Dar es Salaam', 'TZA', 'Africa/Dar_es_Salaam'),"
	"  ('CAI', 'airport', 'Cairo', 'EGY', 'Africa/Cairo'),"
	"  ('KBL', 'airport', 'Kabul', 'AFG', 'Asia/Kabul'),"
	"  ('ISB', 'airport', 'Islamabad', 'PAK', 'Asia/Karachi'),"
	"  ('RBA', 'airport', 'Rabat', 'MAR', 'Africa/Casablanca'),"
	"  ('DOH', 'airport', 'Doha Hamad', 'QAT', 'Asia/Qatar'),"
	"  ('DXB', 'airport', 'Dubai', 'ARE', 'Asia/Dubai'),"
	"  ('FRA', 'airport', 'Frankfurt', 'DEU', 'Europe/Berlin'),"
	"  ('BER', 'airport', 'Berlin Brandenburg', 'DEU', 'Europe/Berlin'),"
	"  ('CDG', 'airport', 'Paris Charles de Gaulle', 'FRA', 'Europe/Paris'),"
	"  ('FCO', 'airport', 'Rome Fiumicino', 'ITA', 'Europe/Rome'),"
	"  ('ATH', 'airport', 'Athens', 'GRC', 'Europe/Athens'),"
	"  ('BRU', 'airport', 'Brussels', 'BEL', 'Europe/Brussels'),"
	"  ('AMS', 'airport', 'Amsterdam Schiphol', 'NLD', 'Europe/Amsterdam'),"
	"  ('MAD', 'airport', 'Madrid Barajas', 'ESP', 'Europe/Madrid'),"
	"  ('LIS', 'airport', 'Lisbon', 'PRT', 'Europe/Lisbon'),"
	"  ('ARN', 'airport', 'Stockholm Arlanda', 'SWE', 'Europe/Stockholm'),"
	"  ('HEL', 'airport', 'Helsinki', 'FIN', 'Europe/Helsinki'),"
	"  ('JFK', 'airport', 'New York JFK', 'USA', 'America/New_York'),"
	"  ('IAD', 'airport', 'Washington Dulles', 'USA', 'America/New_York'),"
	"  ('ORD', 'airport', 'Chicago O''Hare', 'USA', 'America/Chicago'),"
	"  ('LAX', 'airport', 'Los Angeles', 'USA', 'America/Los_Angeles'),"
	"  ('YYZ', 'airport', 'Toronto Pearson', 'CAN', 'America/Toronto'),"
	"  ('YUL', 'airport', 'Montréal Trudeau', 'CAN', 'America/Toronto'),"
	"  ('YVR', 'airport', 'Vancouver', 'CAN', 'America/Vancouver'),"
	"  ('SYD', 'airport', 'Sydney', 'AUS', 'Australia/Sydney'),"
	"  ('MEL', 'airport', 'Melbourne', 'AUS', 'Australia/Melbourne'),"
	"  ('PER', 'airport', 'Perth', 'AUS', 'Australia/Perth'),"
	"  ('AKL', 'airport', 'Auckland', 'NZL', 'Pacific/Auckland'),"
	"  ('JUB', 'airport', 'Juba', 'SSD', 'Africa/Juba'),"
	"  ('DAM', 'airport', 'Damascus', 'SYR', 'Asia/Damascus'),"
	"  ('OUA', 'airport', 'Ouagadougou', 'BFA', 'Africa/Ouagadougou'),"
	"  ('DLA', 'airport', 'Douala', 'CMR', 'Africa/Douala'),"
	"  ('FIH', 'airport', 'Kinshasa N''djili', 'COD', 'Africa/Kinshasa'),"
	"  ('BJM', 'airport', 'Bujumbura', 'BDI', 'Africa/Bujumbura'),"
	"  ('EBL', 'airport', 'Erbil', 'IRQ', 'Asia/Baghdad'),"
	"  ('IKA', 'airport', 'Tehran Imam Khomeini', 'IRN', 'Asia/Tehran'),"
	"  ('LHR', 'airport', 'London Heathrow', 'GBR', 'Europe/London'),"
	"  ('OSL', 'airport', 'Oslo', 'NOR', 'Europe/Oslo'),"
	"  ('DUB', 'airport', 'Dublin', 'IRL', 'Europe/Dublin'),"
	"  ('LUX', 'airport', 'Luxembourg', 'LUX', 'Europe/Luxembourg'),"
	"  ('OTP', 'airport', 'Bucharest Otopeni', 'ROU', 'Europe/Bucharest'),"
	"  ('VNO', 'airport', 'Vilnius', 'LTU', 'Europe/Vilnius'),"
	"  ('WAW', 'airport', 'Warsaw Chopin', 'POL', 'Europe/Warsaw'),"
	"  ('PLPRZ', 'land', 'Przemyśl', 'POL', 'Europe/Warsaw'),"
	"  ('UALVI', 'land', 'Lviv', 'UKR', 'Europe/Kyiv'),"
	"  ('ETDIR', 'land', 'Dire Dawa', 'ETH', 'Africa/Addis_Ababa'),"
	"  ('DJGAL', 'land', 'Galafi', 'DJI', 'Africa/Djibouti'),"
	"  ('YEADE', 'port', 'Aden', 'YEM', 'Asia/Aden'),"
	"  ('DJJIB', 'port', 'Djibouti', 'DJI', 'Africa/Djibouti'),"
	"  ('SOBBO', 'port', 'Berbera', 'SOM', 'Africa/Mogadishu'),"
	"  ('LYTIP', 'port', 'Tripoli', 'LBY', 'Africa/Tripoli'),"
	"  ('LYMRA', 'port', 'Misrata', 'LBY', 'Africa/Tripoli'),"
	"  ('ITAUG', 'port', 'Augusta', 'ITA', 'Europe/Rome'),"
	"  ('GRPIR', 'port', 'Piraeus', 'GRC', 'Europe/Athens'),"
	"  ('NENIM', 'land', 'Niamey', 'NER', 'Africa/Niamey'),"
	"  ('NEAJY', 'land', 'Agadez', 'NER', 'Africa/Niamey'),"
	"  ('LYSEB', 'land', 'Sabha', 'LBY', 'Africa/Tripoli'),"
	"  ('TDNDJ', 'land', 'N''Djamena', 'TCD', 'Africa/Ndjamena'),"
	"  ('SDKRT', 'land', 'Khartoum', 'SDN', 'Africa/Khartoum');";

/* ---- helpers ----------------------------------------------------------- */

static int step_row(struct cor_store *st, sqlite3_stmt *s, const char *what)
{
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), what);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return COR_ENOTFOUND;
	}
	int err = cor_sqlite_fail(st, sqlite3_extended_errcode(st->db), what);
	sqlite3_reset(s);
	return err;
}

static int64_t col_time(sqlite3_stmt *s, int i)
{
	int64_t t = 0;
	const unsigned char *v = sqlite3_column_text(s, i);
	if (v)
		cor_time_parse_utc((const char *)v, &t);
	return t;
}

static int movement_event(struct cor_store *st, int64_t movement_id, const char *actor,
			  const char *action, const char *detail, const char *reason)
{
	static const char sql[] =
		"INSERT INTO event (case_id, movement_id, at, actor, action, detail, reason, uid)"
		" VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, cor_uuid7())";
	char at[COR_TIME_LEN];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording an event");
	sqlite3_bind_int64(s, 1, movement_id);
	cor_sqlite_bind_text(s, 2, cor_store_now(st, at));
	cor_sqlite_bind_text(s, 3, actor);
	cor_sqlite_bind_text(s, 4, action);
	cor_sqlite_bind_text(s, 5, detail);
	cor_sqlite_bind_text(s, 6, reason ? reason : "");
	return cor_sqlite_step_done(st, s, "recording an event");
}

static int case_event(struct cor_store *st, int64_t case_id, const char *actor, const char *action,
		      const char *detail, const char *reason)
{
	struct cor_event e = {
		.actor = actor, .action = action, .detail = detail, .reason = reason ? reason : ""};
	cor_store_now(st, e.at);
	return cor_store_event_add(st, case_id, &e);
}

/* ---- places ------------------------------------------------------------ */

static int sqlite_place_add(struct cor_store *st, const struct cor_place *p)
{
	static const char sql[] =
		"INSERT INTO place (code, kind, name, country, tz) VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s) {
		cor_sqlite_bind_text(s, 1, p->code);
		cor_sqlite_bind_text(s, 2, cor_place_kind_name(p->kind));
		cor_sqlite_bind_text(s, 3, p->name);
		cor_sqlite_bind_text(s, 4, p->country);
		cor_sqlite_bind_text(s, 5, p->tz);
	}
	int err = cor_sqlite_step_done(st, s, "adding a place");
	if (err == COR_EEXIST)
		cor_sqlite_msg(st, "place '%s' already exists", p->code);
	return err;
}

static void read_place(sqlite3_stmt *s, struct cor_place *p)
{
	char kind[16];
	memset(p, 0, sizeof(*p));
	cor_sqlite_copy_col(p->code, sizeof(p->code), s, 0);
	cor_sqlite_copy_col(kind, sizeof(kind), s, 1);
	cor_place_kind_parse(kind, &p->kind);
	cor_sqlite_copy_col(p->name, sizeof(p->name), s, 2);
	cor_sqlite_copy_col(p->country, sizeof(p->country), s, 3);
	cor_sqlite_copy_col(p->tz, sizeof(p->tz), s, 4);
}

static int sqlite_place_get(struct cor_store *st, const char *code, struct cor_place *out)
{
	static const char sql[] = "SELECT code, kind, name, country, tz FROM place WHERE code = ?1";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s)
		cor_sqlite_bind_text(s, 1, code);
	int err = step_row(st, s, "reading a place");
	if (err == COR_ENOTFOUND)
		cor_sqlite_msg(st, "no place '%s'", code);
	if (err < 0)
		return err;
	read_place(s, out);
	sqlite3_reset(s);
	return 0;
}

static int sqlite_place_each(struct cor_store *st, int (*cb)(const struct cor_place *p, void *ctx),
			     void *ctx)
{
	static const char sql[] = "SELECT code, kind, name, country, tz FROM place ORDER BY code";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "listing places");
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_place p;
		read_place(s, &p);
		if ((ret = cb(&p, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "listing places");
	sqlite3_reset(s);
	return ret;
}

/* ---- movements --------------------------------------------------------- */

static int office_id(struct cor_store *st, const char *code, int64_t *id)
{
	static const char sql[] = "SELECT id FROM office WHERE code = ?1";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s)
		cor_sqlite_bind_text(s, 1, code);
	int err = step_row(st, s, "reading an office");
	if (err == COR_ENOTFOUND)
		cor_sqlite_msg(st, "no office '%s'", code);
	if (err < 0)
		return err;
	*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return 0;
}

static int sqlite_movement_add(struct cor_store *st, struct cor_movement *m, const char *actor)
{
	static const char sql_next[] =
		"SELECT coalesce(max(CAST(substr(ref, length(?1) + 1) AS INTEGER)), 0) + 1"
		" FROM movement WHERE substr(ref, 1, length(?1)) = ?1";
	static const char sql_add[] =
		"INSERT INTO movement (ref, kind, label, carrier, office_id, state, escort_seats,"
		" departs, created_at, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
		"cor_uuid7())";
	static const char sql_leg[] =
		"INSERT INTO leg (movement_id, seq, origin, destination, number, departs, arrives,"
		" seats, stretchers, wchc, wchs, carrier) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
		"?9,"
		" ?10, ?11, ?12)";
	char prefix[24], t1[18], t2[18], at[COR_TIME_LEN];
	int64_t oid, mid;
	bool own;
	int err;

	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = office_id(st, m->office, &oid)) < 0)
		goto out;
	for (int i = 0; i < m->nlegs; i++) {
		struct cor_place p;
		if ((err = cor_store_place_get(st, m->legs[i].from, &p)) < 0 ||
		    (err = cor_store_place_get(st, m->legs[i].to, &p)) < 0) {
			char why[sizeof(st->msg)];
			memcpy(why, st->msg, sizeof(why));
			cor_sqlite_msg(st, "leg %d: %s", i + 1, why);
			goto out;
		}
	}
	cor_time_format_utc(m->legs[0].departs, t1);
	snprintf(prefix, sizeof(prefix), "%s-MV-%.4s-", m->office, t1);
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_next);
	if (s)
		cor_sqlite_bind_text(s, 1, prefix);
	if ((err = step_row(st, s, "numbering movements")) < 0)
		goto out;
	long seq = (long)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (seq < 1 || seq > 9999) {
		cor_sqlite_msg(st, "office %s has 9999 movements in %.4s already", m->office, t1);
		err = COR_EINVAL;
		goto out;
	}
	char ref[64];
	snprintf(ref, sizeof(ref), "%s%04d", prefix, (int)seq);
	snprintf(m->ref, sizeof(m->ref), "%.*s", (int)sizeof(m->ref) - 1, ref);
	if ((s = cor_sqlite_stmt(st, sql_add))) {
		cor_sqlite_bind_text(s, 1, m->ref);
		cor_sqlite_bind_text(s, 2, cor_movement_kind_name(m->kind));
		cor_sqlite_bind_text(s, 3, m->label);
		cor_sqlite_bind_text(s, 4, m->carrier);
		sqlite3_bind_int64(s, 5, oid);
		cor_sqlite_bind_text(s, 6, cor_movement_state_name(m->state));
		sqlite3_bind_int(s, 7, m->escort_seats);
		cor_sqlite_bind_text(s, 8, t1);
		cor_sqlite_bind_text(s, 9, cor_store_now(st, at));
	}
	if ((err = cor_sqlite_step_done(st, s, "adding a movement")) < 0)
		goto out;
	mid = sqlite3_last_insert_rowid(st->db);
	for (int i = 0; i < m->nlegs; i++) {
		const struct cor_leg *l = &m->legs[i];
		if ((s = cor_sqlite_stmt(st, sql_leg))) {
			sqlite3_bind_int64(s, 1, mid);
			sqlite3_bind_int(s, 2, i + 1);
			cor_sqlite_bind_text(s, 3, l->from);
			cor_sqlite_bind_text(s, 4, l->to);
			cor_sqlite_bind_text(s, 5, l->number);
			cor_sqlite_bind_text(s, 6, cor_time_format_utc(l->departs, t1));
			cor_sqlite_bind_text(s, 7, cor_time_format_utc(l->arrives, t2));
			sqlite3_bind_int(s, 8, l->seats);
			sqlite3_bind_int(s, 9, l->stretchers);
			sqlite3_bind_int(s, 10, l->wchc);
			sqlite3_bind_int(s, 11, l->wchs);
			cor_sqlite_bind_text(s, 12, l->carrier);
		}
		if ((err = cor_sqlite_step_done(st, s, "adding a leg")) < 0)
			goto out;
		m->legs[i].seq = i + 1;
	}
	char detail[160];
	snprintf(detail, sizeof(detail), "%s %s %s -> %s, %d leg%s, %s",
		 cor_movement_kind_name(m->kind), m->label, m->legs[0].from,
		 m->legs[m->nlegs - 1].to, m->nlegs, m->nlegs == 1 ? "" : "s",
		 cor_movement_state_name(m->state));
	err = movement_event(st, mid, actor, "created", detail, "");
out:
	return cor_sqlite_unit_end(st, own, err);
}

static const char sql_movement_by_ref[] =
	"SELECT m.id, m.ref, m.kind, m.label, m.carrier, o.code, m.state, m.escort_seats"
	" FROM movement m JOIN office o ON o.id = m.office_id WHERE m.ref = ?1";
static const char sql_legs[] =
	"SELECT seq, origin, destination, number, departs, arrives, seats, stretchers, wchc, wchs,"
	" carrier FROM leg WHERE movement_id = ?1 ORDER BY seq";

static int read_legs(struct cor_store *st, int64_t id, struct cor_movement *m)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_legs);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading legs");
	sqlite3_bind_int64(s, 1, id);
	int rc;
	m->nlegs = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && m->nlegs < COR_MOVEMENT_LEGS_MAX) {
		struct cor_leg *l = &m->legs[m->nlegs++];
		l->seq = sqlite3_column_int(s, 0);
		cor_sqlite_copy_col(l->from, sizeof(l->from), s, 1);
		cor_sqlite_copy_col(l->to, sizeof(l->to), s, 2);
		cor_sqlite_copy_col(l->number, sizeof(l->number), s, 3);
		l->departs = col_time(s, 4);
		l->arrives = col_time(s, 5);
		l->seats = sqlite3_column_int(s, 6);
		l->stretchers = sqlite3_column_int(s, 7);
		l->wchc = sqlite3_column_int(s, 8);
		l->wchs = sqlite3_column_int(s, 9);
		cor_sqlite_copy_col(l->carrier, sizeof(l->carrier), s, 10);
	}
	int err =
		rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : cor_sqlite_fail(st, rc, "reading legs");
	sqlite3_reset(s);
	return err;
}

static void read_movement(sqlite3_stmt *s, struct cor_movement *m)
{
	char kind[16], state[16];
	memset(m, 0, sizeof(*m));
	cor_sqlite_copy_col(m->ref, sizeof(m->ref), s, 1);
	cor_sqlite_copy_col(kind, sizeof(kind), s, 2);
	cor_movement_kind_parse(kind, &m->kind);
	cor_sqlite_copy_col(m->label, sizeof(m->label), s, 3);
	cor_sqlite_copy_col(m->carrier, sizeof(m->carrier), s, 4);
	cor_sqlite_copy_col(m->office, sizeof(m->office), s, 5);
	cor_sqlite_copy_col(state, sizeof(state), s, 6);
	cor_movement_state_parse(state, &m->state);
	m->escort_seats = sqlite3_column_int(s, 7);
}

/* Movement ref and its internal id. */
static int load_movement(struct cor_store *st, const char *ref, int64_t *id, struct cor_movement *m)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_movement_by_ref);
	if (s)
		cor_sqlite_bind_text(s, 1, ref);
	int err = step_row(st, s, "reading a movement");
	if (err == COR_ENOTFOUND)
		cor_sqlite_msg(st, "no movement '%s'", ref);
	if (err < 0)
		return err;
	*id = sqlite3_column_int64(s, 0);
	read_movement(s, m);
	sqlite3_reset(s);
	return read_legs(st, *id, m);
}

static int sqlite_movement_get(struct cor_store *st, const char *ref, struct cor_movement *out)
{
	int64_t id;
	return load_movement(st, ref, &id, out);
}

/* Persons booked or departed per leg of movement id, into per_leg (nlegs
 * entries). */
static int leg_load(struct cor_store *st, int64_t id, const struct cor_movement *m, int *per_leg)
{
	static const char sql[] =
		"SELECT b.board, b.alight, count(p.id) FROM booking b JOIN person p ON p.case_id = "
		"b.case_id WHERE b.movement_id = ?1 AND b.status IN ('booked', 'departed')"
		" GROUP BY b.id";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading bookings");
	sqlite3_bind_int64(s, 1, id);
	memset(per_leg, 0, sizeof(int) * (size_t)m->nlegs);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *board = (const char *)sqlite3_column_text(s, 0);
		const char *alight = (const char *)sqlite3_column_text(s, 1);
		int n = sqlite3_column_int(s, 2);
		bool on = false;
		for (int i = 0; i < m->nlegs; i++) {
			if (!on && board && !strcmp(m->legs[i].from, board))
				on = true;
			if (on)
				per_leg[i] += n;
			if (on && alight && !strcmp(m->legs[i].to, alight))
				break;
		}
	}
	int err = rc == SQLITE_DONE ? 0 : cor_sqlite_fail(st, rc, "reading bookings");
	sqlite3_reset(s);
	return err;
}

static int sqlite_movement_each(struct cor_store *st, const struct cor_movement_query *q,
				int (*cb)(const struct cor_movement *m,
					  const struct cor_movement_load *l, void *ctx),
				void *ctx)
{
	static const char sql[] =
		"SELECT m.id, m.ref, m.kind, m.label, m.carrier, o.code, m.state, m.escort_seats,"
		" (SELECT count(*) FROM booking b WHERE b.movement_id = m.id"
		"   AND b.status IN ('booked', 'departed')),"
		" (SELECT count(*) FROM booking b JOIN person p ON p.case_id = b.case_id"
		"   WHERE b.movement_id = m.id AND b.status IN ('booked', 'departed')),"
		" (SELECT count(*) FROM booking b WHERE b.movement_id = m.id AND b.status = "
		"'standby'),"
		" (SELECT count(*) FROM movement_escort e WHERE e.movement_id = m.id)"
		" FROM movement m JOIN office o ON o.id = m.office_id"
		" WHERE (?1 IS NULL OR m.state = ?1) AND (?2 IS NULL OR o.code = ?2)"
		" AND (?3 IS NULL OR m.departs >= ?3) AND (?4 IS NULL OR m.departs < ?4)"
		" ORDER BY m.departs, m.ref";
	char t1[18], t2[18];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "listing movements");
	cor_sqlite_bind_opt(s, 1, q ? q->state : NULL);
	cor_sqlite_bind_opt(s, 2, q ? q->office : NULL);
	if (q && q->from)
		cor_sqlite_bind_text(s, 3, cor_time_format_utc(q->from, t1));
	if (q && q->to)
		cor_sqlite_bind_text(s, 4, cor_time_format_utc(q->to, t2));
	/* Collect first: the callback and the leg reads use other statements. */
	struct row {
		int64_t id;
		struct cor_movement m;
		struct cor_movement_load l;
	} *rows = NULL;
	size_t n = 0, cap = 0;
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			struct row *r = realloc(rows, cap * sizeof(*r));
			if (!r) {
				ret = COR_ENOMEM;
				break;
			}
			rows = r;
		}
		struct row *r = &rows[n++];
		r->id = sqlite3_column_int64(s, 0);
		read_movement(s, &r->m);
		r->l = (struct cor_movement_load){.cases = sqlite3_column_int(s, 8),
						  .persons = sqlite3_column_int(s, 9),
						  .standby = sqlite3_column_int(s, 10),
						  .escorts = sqlite3_column_int(s, 11)};
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "listing movements");
	sqlite3_reset(s);
	for (size_t i = 0; i < n && ret == 0; i++) {
		int per_leg[COR_MOVEMENT_LEGS_MAX];
		if ((ret = read_legs(st, rows[i].id, &rows[i].m)) < 0 ||
		    (ret = leg_load(st, rows[i].id, &rows[i].m, per_leg)) < 0)
			break;
		int free_min = -1;
		for (int k = 0; k < rows[i].m.nlegs; k++) {
			int f = rows[i].m.legs[k].seats - per_leg[k] - rows[i].l.escorts;
			if (free_min < 0 || f < free_min)
				free_min = f;
		}
		rows[i].l.seats_free = free_min;
		ret = cb(&rows[i].m, &rows[i].l, ctx);
	}
	free(rows);
	return ret;
}

/* ---- bookings (used by the state changes below) ------------------------ */

/* The cases of movement id with a booking in status, in seat-group order. */
static int case_refs(struct cor_store *st, int64_t id, const char *status, char (**refs)[32],
		     size_t *n)
{
	static const char sql[] =
		"SELECT c.ref FROM booking b JOIN cases c ON c.id = b.case_id"
		" WHERE b.movement_id = ?1 AND b.status = ?2 ORDER BY b.seat_group, b.id";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading bookings");
	sqlite3_bind_int64(s, 1, id);
	cor_sqlite_bind_text(s, 2, status);
	size_t cap = 0;
	int rc, err = 0;
	*refs = NULL;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 32;
			char(*r)[32] = realloc(*refs, cap * sizeof(**refs));
			if (!r) {
				err = COR_ENOMEM;
				break;
			}
			*refs = r;
		}
		cor_sqlite_copy_col((*refs)[(*n)++], 32, s, 0);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "reading bookings");
	sqlite3_reset(s);
	return err;
}

static int set_booking_status(struct cor_store *st, int64_t movement_id, const char *case_ref,
			      const char *from, const char *to)
{
	static const char sql[] =
		"UPDATE booking SET status = ?4 WHERE movement_id = ?1 AND status = ?3"
		" AND case_id = (SELECT id FROM cases WHERE ref = ?2)";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s) {
		sqlite3_bind_int64(s, 1, movement_id);
		cor_sqlite_bind_text(s, 2, case_ref);
		cor_sqlite_bind_text(s, 3, from);
		cor_sqlite_bind_text(s, 4, to);
	}
	int err = cor_sqlite_step_done(st, s, "changing a booking");
	if (err == 0 && sqlite3_changes(st->db) != 1) {
		cor_sqlite_msg(st, "case '%s' has no booking in status %s on this movement",
			       case_ref, from);
		return COR_ENOTFOUND;
	}
	return err;
}

/* Release every stand-by of movement id (they stay travel_ready). */
static int release_standbys(struct cor_store *st, int64_t id, const struct cor_movement *m,
			    const char *actor, const char *why, int *released)
{
	char(*refs)[32] = NULL, detail[96];
	const char *movement_ref = m->ref;
	size_t n = 0;
	int err = case_refs(st, id, "standby", &refs, &n);
	for (size_t i = 0; err == 0 && i < n; i++) {
		int64_t cid;
		snprintf(detail, sizeof(detail), "stand-by on %s (%s) released", m->label,
			 movement_ref);
		if ((err = set_booking_status(st, id, refs[i], "standby", "cancelled")) == 0 &&
		    (err = cor_sqlite_case_id(st, refs[i], &cid)) == 0)
			err = case_event(st, cid, actor, "booking", detail, why);
	}
	free(refs);
	if (err == 0)
		*released += (int)n;
	return err;
}

static int sqlite_movement_set_state(struct cor_store *st, const char *ref,
				     enum cor_movement_state to, const char *actor,
				     const char *reason, struct cor_movement_change *res)
{
	static const char sql_state[] =
		"UPDATE movement SET state = ?2 WHERE id = ?1 AND state = ?3";
	struct cor_movement m;
	char detail[128];
	int64_t id;
	bool own;
	int err;

	memset(res, 0, sizeof(*res));
	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = load_movement(st, ref, &id, &m)) < 0)
		goto out;
	res->from = m.state;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_state);
	if (s) {
		sqlite3_bind_int64(s, 1, id);
		cor_sqlite_bind_text(s, 2, cor_movement_state_name(to));
		cor_sqlite_bind_text(s, 3, cor_movement_state_name(m.state));
	}
	if ((err = cor_sqlite_step_done(st, s, "changing a movement's state")) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "%s -> %s", cor_movement_state_name(m.state),
		 cor_movement_state_name(to));
	if ((err = movement_event(st, id, actor, "state", detail, reason)) < 0)
		goto out;

	/* The stand-bys it releases (the cases' moves are the operations
	 * layer's, service/movement.c). */
	switch (to) {
	case COR_MSTATE_DEPARTED:
		err = release_standbys(st, id, &m, actor, "the movement departed", &res->released);
		break;
	case COR_MSTATE_CANCELLED: {
		char why[160];
		snprintf(why, sizeof(why), "%s (%s) cancelled: %s", m.label, ref, reason);
		err = release_standbys(st, id, &m, actor, why, &res->released);
		break;
	}
	case COR_MSTATE_CLOSED:
		err = release_standbys(st, id, &m, actor, "the manifest was closed",
				       &res->released);
		break;
	default:
		break;
	}
out:
	return cor_sqlite_unit_end(st, own, err);
}

static int sqlite_movement_quota(struct cor_store *st, const char *ref, const char *office,
				 int seats, const char *actor)
{
	static const char sql_set[] =
		"INSERT INTO movement_quota (movement_id, office_id, seats) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (movement_id, office_id) DO UPDATE SET seats = excluded.seats";
	static const char sql_clear[] =
		"DELETE FROM movement_quota WHERE movement_id = ?1 AND office_id = ?2";
	struct cor_movement m;
	int64_t id, oid;
	bool own;
	char detail[96];
	int err;
	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = load_movement(st, ref, &id, &m)) < 0 || (err = office_id(st, office, &oid)) < 0)
		goto out;
	sqlite3_stmt *s = cor_sqlite_stmt(st, seats >= 0 ? sql_set : sql_clear);
	if (s) {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, oid);
		if (seats >= 0)
			sqlite3_bind_int(s, 3, seats);
	}
	if ((err = cor_sqlite_step_done(st, s, "setting a quota")) < 0)
		goto out;
	if (seats >= 0)
		snprintf(detail, sizeof(detail), "quota of %s: %d seat%s", office, seats,
			 seats == 1 ? "" : "s");
	else
		snprintf(detail, sizeof(detail), "quota of %s removed", office);
	err = movement_event(st, id, actor, "quota", detail, "");
out:
	return cor_sqlite_unit_end(st, own, err);
}

static int sqlite_movement_quota_each(struct cor_store *st, const char *ref,
				      int (*cb)(const char *office, int seats, void *ctx),
				      void *ctx)
{
	static const char sql[] =
		"SELECT o.code, q.seats FROM movement_quota q JOIN movement m ON m.id = "
		"q.movement_id"
		" JOIN office o ON o.id = q.office_id WHERE m.ref = ?1 ORDER BY o.code";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading quotas");
	cor_sqlite_bind_text(s, 1, ref);
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char office[8];
		cor_sqlite_copy_col(office, sizeof(office), s, 0);
		if ((ret = cb(office, sqlite3_column_int(s, 1), ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading quotas");
	sqlite3_reset(s);
	return ret;
}

static int sqlite_movement_escort_add(struct cor_store *st, const char *ref,
				      const struct cor_escort *e, const char *actor)
{
	static const char sql_count[] = "SELECT count(*), coalesce(max(no), 0) + 1 FROM "
					"movement_escort WHERE movement_id = ?1";
	static const char sql_add[] = "INSERT INTO movement_escort (movement_id, no, family_name, "
				      "given_names, sex, birth_date,"
				      " nationality, passport, issuer, expires_on, medical)"
				      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	struct cor_movement m;
	int64_t id;
	bool own;
	char detail[200], birth[COR_DATE_LEN], exp[COR_DATE_LEN];
	int err;
	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = load_movement(st, ref, &id, &m)) < 0)
		goto out;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_count);
	if (s)
		sqlite3_bind_int64(s, 1, id);
	if ((err = step_row(st, s, "counting escorts")) < 0)
		goto out;
	int no = sqlite3_column_int(s, 1);
	sqlite3_reset(s);
	if ((s = cor_sqlite_stmt(st, sql_add))) {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, no);
		cor_sqlite_bind_text(s, 3, e->family_name);
		cor_sqlite_bind_text(s, 4, e->given_names);
		sqlite3_bind_text(s, 5, &e->sex, 1, SQLITE_STATIC);
		cor_sqlite_bind_text(s, 6, cor_date_format(e->birth_date, birth));
		cor_sqlite_bind_text(s, 7, e->nationality);
		cor_sqlite_bind_text(s, 8, e->passport);
		cor_sqlite_bind_text(s, 9, e->passport[0] ? e->issuer : "");
		if (e->passport[0] && e->has_expiry)
			cor_sqlite_bind_text(s, 10, cor_date_format(e->expires_on, exp));
		sqlite3_bind_int(s, 11, e->medical);
	}
	if ((err = cor_sqlite_step_done(st, s, "adding an escort")) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "%s escort %d: %s, %s",
		 e->medical ? "medical" : "operational", no, e->family_name, e->given_names);
	err = movement_event(st, id, actor, "escort", detail, "");
out:
	return cor_sqlite_unit_end(st, own, err);
}

static int sqlite_movement_escort_each(struct cor_store *st, const char *ref,
				       int (*cb)(const struct cor_escort *e, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT e.no, e.family_name, e.given_names, e.sex, e.birth_date, e.nationality,"
		" e.passport, e.issuer, e.expires_on, e.medical FROM movement_escort e JOIN "
		"movement m"
		" ON m.id = e.movement_id WHERE m.ref = ?1 ORDER BY e.no";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading escorts");
	cor_sqlite_bind_text(s, 1, ref);
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_escort e;
		char sex[4], day[COR_DATE_LEN];
		memset(&e, 0, sizeof(e));
		e.no = sqlite3_column_int(s, 0);
		cor_sqlite_copy_col(e.family_name, sizeof(e.family_name), s, 1);
		cor_sqlite_copy_col(e.given_names, sizeof(e.given_names), s, 2);
		cor_sqlite_copy_col(sex, sizeof(sex), s, 3);
		e.sex = sex[0];
		cor_sqlite_copy_col(day, sizeof(day), s, 4);
		cor_date_parse(day, &e.birth_date);
		cor_sqlite_copy_col(e.nationality, sizeof(e.nationality), s, 5);
		cor_sqlite_copy_col(e.passport, sizeof(e.passport), s, 6);
		cor_sqlite_copy_col(e.issuer, sizeof(e.issuer), s, 7);
		cor_sqlite_copy_col(day, sizeof(day), s, 8);
		e.has_expiry = day[0] && cor_date_parse(day, &e.expires_on) == 0;
		e.medical = sqlite3_column_int(s, 9) != 0;
		if ((ret = cb(&e, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading escorts");
	sqlite3_reset(s);
	return ret;
}

/* ---- bookings ---------------------------------------------------------- */

#define BOOKING_SQL                                                                                \
	"SELECT c.ref, m.ref, b.status, b.board, b.alight, b.seat_group, b.at,"                    \
	" (SELECT count(*) FROM person p WHERE p.case_id = b.case_id)"                             \
	" FROM booking b JOIN cases c ON c.id = b.case_id JOIN movement m ON m.id = b.movement_id"

/* The bookings sql (BOOKING_SQL and a condition on ?1 = key) selects, to cb. */
static int each_booking(struct cor_store *st, const char *sql, const char *key,
			int (*cb)(const struct cor_booking *b, void *ctx), void *ctx)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading bookings");
	cor_sqlite_bind_text(s, 1, key);
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_booking b;
		char status[16];
		memset(&b, 0, sizeof(b));
		cor_sqlite_copy_col(b.case_ref, sizeof(b.case_ref), s, 0);
		cor_sqlite_copy_col(b.movement_ref, sizeof(b.movement_ref), s, 1);
		cor_sqlite_copy_col(status, sizeof(status), s, 2);
		cor_booking_status_parse(status, &b.status);
		cor_sqlite_copy_col(b.board, sizeof(b.board), s, 3);
		cor_sqlite_copy_col(b.alight, sizeof(b.alight), s, 4);
		snprintf(b.seat_group, sizeof(b.seat_group), "G%03d",
			 sqlite3_column_int(s, 5) % 1000);
		cor_sqlite_copy_col(b.at, sizeof(b.at), s, 6);
		b.persons = sqlite3_column_int(s, 7);
		if ((ret = cb(&b, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading bookings");
	sqlite3_reset(s);
	return ret;
}

static int sqlite_booking_each(struct cor_store *st, const char *movement,
			       int (*cb)(const struct cor_booking *b, void *ctx), void *ctx)
{
	static const char sql[] = BOOKING_SQL " WHERE m.ref = ?1 ORDER BY b.seat_group, b.id";
	return each_booking(st, sql, movement, cb, ctx);
}

static int take_one(const struct cor_booking *b, void *ctx)
{
	*(struct cor_booking *)ctx = *b;
	return 1;
}

static int sqlite_case_booking(struct cor_store *st, const char *case_ref, struct cor_booking *out)
{
	static const char sql[] = BOOKING_SQL " WHERE c.ref = ?1"
					      " AND (b.status = 'booked' OR b.status = 'standby')";
	memset(out, 0, sizeof(*out));
	int err = each_booking(st, sql, case_ref, take_one, out);
	if (err < 0)
		return err;
	if (err == 0) {
		cor_sqlite_msg(st, "case '%s' holds no booking", case_ref);
		return COR_ENOTFOUND;
	}
	return 0;
}

static int sqlite_movement_note(struct cor_store *st, const char *ref, const char *actor,
				const char *action, const char *detail, const char *reason)
{
	struct cor_movement m;
	int64_t id;
	int err = load_movement(st, ref, &id, &m);
	return err < 0 ? err : movement_event(st, id, actor, action, detail, reason);
}

/* Write a booking row for case id on movement id. */
static int insert_booking(struct cor_store *st, int64_t case_id, int64_t movement_id,
			  const char *status, const char *board, const char *alight)
{
	static const char sql[] =
		"INSERT INTO booking (case_id, movement_id, status, board, alight, seat_group, at, "
		"uid)"
		" VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(seat_group), 0) + 1 FROM booking"
		" WHERE movement_id = ?2), ?6, cor_uuid7())";
	char at[COR_TIME_LEN];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s) {
		sqlite3_bind_int64(s, 1, case_id);
		sqlite3_bind_int64(s, 2, movement_id);
		cor_sqlite_bind_text(s, 3, status);
		cor_sqlite_bind_text(s, 4, board);
		cor_sqlite_bind_text(s, 5, alight);
		cor_sqlite_bind_text(s, 6, cor_store_now(st, at));
	}
	int err = cor_sqlite_step_done(st, s, "booking a case");
	if (err == COR_EEXIST)
		cor_sqlite_msg(st, "the case already holds a booking or a stand-by");
	return err;
}

/* Write the booking row (status "booked") of case id on movement id; the
 * case's move to booked is the operations layer's (service/movement.c). */
int cor_sqlite_book(struct cor_store *st, int64_t case_id, int64_t movement_id, const char *board,
		    const char *alight);
int cor_sqlite_book(struct cor_store *st, int64_t case_id, int64_t movement_id, const char *board,
		    const char *alight)
{
	return insert_booking(st, case_id, movement_id, "booked", board, alight);
}

static int sqlite_booking_put(struct cor_store *st, const char *movement, const char *case_ref,
			      enum cor_booking_status status, const char *board, const char *alight,
			      const char *actor, const char *reason)
{
	struct cor_movement m;
	struct cor_case c;
	int64_t mid, cid;
	char detail[160];
	bool own;
	int err;
	if (status != COR_BOOKING_BOOKED && status != COR_BOOKING_STANDBY) {
		cor_sqlite_msg(st, "a new booking is booked or standby");
		return COR_EINVAL;
	}
	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = load_movement(st, movement, &mid, &m)) < 0 ||
	    (err = cor_store_case_get(st, case_ref, &cid, &c)) < 0)
		goto out;
	if (status == COR_BOOKING_BOOKED) {
		err = insert_booking(st, cid, mid, "booked", board, alight);
		goto out;
	}
	if ((err = insert_booking(st, cid, mid, "standby", board, alight)) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "stand-by on %s (%s), %s -> %s", m.label, movement, board,
		 alight);
	err = case_event(st, cid, actor, "booking", detail, reason);
out:
	return cor_sqlite_unit_end(st, own, err);
}

static int sqlite_booking_add(struct cor_store *st, const char *movement, const char *case_ref,
			      enum cor_booking_status status, const char *actor, const char *reason)
{
	struct cor_movement m;
	struct cor_case c;
	struct cor_place p;
	int64_t mid, cid;
	int b = -1, a = -1, err;
	bool own;
	if ((err = load_movement(st, movement, &mid, &m)) < 0 ||
	    (err = cor_store_case_get(st, case_ref, &cid, &c)) < 0)
		return err;
	for (int k = 0; k < m.nlegs && b < 0; k++) {
		if ((err = cor_store_place_get(st, m.legs[k].from, &p)) < 0)
			return err;
		if (!strcmp(p.country, c.origin))
			b = k;
	}
	for (int k = b < 0 ? m.nlegs : b; k < m.nlegs && a < 0; k++) {
		if ((err = cor_store_place_get(st, m.legs[k].to, &p)) < 0)
			return err;
		if (!strcmp(p.country, c.destination))
			a = k;
	}
	if (b < 0 || a < 0) {
		cor_sqlite_msg(st, "movement '%s' does not go from %s to %s", movement, c.origin,
			       c.destination);
		return COR_EINVAL;
	}
	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	err = sqlite_booking_put(st, movement, case_ref, status, m.legs[b].from, m.legs[a].to,
				 actor, reason);
	if (err == 0 && status == COR_BOOKING_BOOKED) {
		char why[200];
		snprintf(why, sizeof(why), "on %s (%s), %s -> %s%s%.100s", m.label, m.ref,
			 m.legs[b].from, m.legs[a].to, reason && *reason ? ": " : "",
			 reason && *reason ? reason : "");
		err = cor_store_case_state_set(st, cid, c.state, "booked", actor, why);
	}
	return cor_sqlite_unit_end(st, own, err);
}

static int sqlite_booking_cases(struct cor_store *st, const char *movement,
				enum cor_booking_status status, char (**refs)[32], size_t *n)
{
	struct cor_movement m;
	int64_t mid;
	int err;
	*refs = NULL;
	*n = 0;
	if ((err = load_movement(st, movement, &mid, &m)) < 0)
		return err;
	return case_refs(st, mid, cor_booking_status_name(status), refs, n);
}

static int sqlite_booking_promote(struct cor_store *st, const char *movement, const char *case_ref,
				  const char *board, const char *alight)
{
	struct cor_movement m;
	int64_t mid, cid;
	bool own;
	int err;
	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = load_movement(st, movement, &mid, &m)) < 0 ||
	    (err = cor_sqlite_case_id(st, case_ref, &cid)) < 0 ||
	    (err = set_booking_status(st, mid, case_ref, "standby", "cancelled")) < 0)
		goto out;
	err = insert_booking(st, cid, mid, "booked", board, alight);
out:
	return cor_sqlite_unit_end(st, own, err);
}

static int sqlite_standby_cancel(struct cor_store *st, const char *movement, const char *case_ref,
				 const char *actor, const char *reason)
{
	struct cor_movement m;
	int64_t mid, cid;
	bool own;
	char detail[128];
	int err;
	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = load_movement(st, movement, &mid, &m)) < 0 ||
	    (err = cor_sqlite_case_id(st, case_ref, &cid)) < 0 ||
	    (err = set_booking_status(st, mid, case_ref, "standby", "cancelled")) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "stand-by on %s (%s) cancelled", m.label, movement);
	err = case_event(st, cid, actor, "booking", detail, reason);
out:
	return cor_sqlite_unit_end(st, own, err);
}

static int sqlite_movement_events(struct cor_store *st, const char *ref,
				  int (*cb)(const struct cor_event *e, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT e.at, e.actor, e.action, e.detail, e.reason, e.field, e.old_value,"
		" e.new_value FROM event e JOIN movement m"
		" ON m.id = e.movement_id WHERE m.ref = ?1 ORDER BY e.id";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a movement's history");
	cor_sqlite_bind_text(s, 1, ref);
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_event e;
		cor_sqlite_copy_col(e.at, sizeof(e.at), s, 0);
		e.actor = (const char *)sqlite3_column_text(s, 1);
		e.action = (const char *)sqlite3_column_text(s, 2);
		e.detail = (const char *)sqlite3_column_text(s, 3);
		e.reason = (const char *)sqlite3_column_text(s, 4);
		e.field = (const char *)sqlite3_column_text(s, 5);
		e.before = (const char *)sqlite3_column_text(s, 6);
		e.after = (const char *)sqlite3_column_text(s, 7);
		if ((ret = cb(&e, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading a movement's history");
	sqlite3_reset(s);
	return ret;
}

static int sqlite_case_available(struct cor_store *st, const char *ref, const struct cor_date *on,
				 const char *actor, const char *reason)
{
	static const char sql[] = "UPDATE cases SET available_on = ?2 WHERE id = ?1";
	char day[COR_DATE_LEN], detail[64];
	int64_t id;
	bool own;
	int err;
	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = cor_sqlite_case_id(st, ref, &id)) < 0)
		goto out;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s) {
		sqlite3_bind_int64(s, 1, id);
		if (on)
			cor_sqlite_bind_text(s, 2, cor_date_format(*on, day));
	}
	if ((err = cor_sqlite_step_done(st, s, "setting availability")) < 0)
		goto out;
	if (on)
		snprintf(detail, sizeof(detail), "available to travel from %s", day);
	else
		snprintf(detail, sizeof(detail), "available to travel now");
	err = case_event(st, id, actor, "available", detail, reason);
out:
	return cor_sqlite_unit_end(st, own, err);
}

const struct cor_store_movement_ops cor_sqlite_movement_ops = {
	.place_add = sqlite_place_add,
	.place_get = sqlite_place_get,
	.place_each = sqlite_place_each,
	.movement_add = sqlite_movement_add,
	.movement_get = sqlite_movement_get,
	.movement_events = sqlite_movement_events,
	.case_available = sqlite_case_available,
	.movement_each = sqlite_movement_each,
	.movement_set_state = sqlite_movement_set_state,
	.movement_quota = sqlite_movement_quota,
	.movement_quota_each = sqlite_movement_quota_each,
	.movement_escort_add = sqlite_movement_escort_add,
	.movement_escort_each = sqlite_movement_escort_each,
	.booking_put = sqlite_booking_put,
	.booking_add = sqlite_booking_add,
	.booking_each = sqlite_booking_each,
	.case_booking = sqlite_case_booking,
	.movement_note = sqlite_movement_note,
	.booking_cases = sqlite_booking_cases,
	.booking_promote = sqlite_booking_promote,
	.standby_cancel = sqlite_standby_cancel,
};
