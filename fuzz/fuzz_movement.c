// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness for movement legs as the command line takes them
// (cor_leg_parse, one spec per line) and the check of a whole movement
// (cor_movement_validate). Whatever the bytes:
//   - each call returns 0 or COR_EINVAL, with a printable message on
//     COR_EINVAL and the leg untouched;
//   - a leg that parses has a valid place code at each end, a valid number,
//     times that format back to what parses to the same instant, and
//     capacities in range;
//   - writing a parsed leg back as a spec and parsing it again gives the
//     same leg;
//   - a movement of the legs that parsed validates or is refused, never
//     anything else, and local times format in a real zone.
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "domain/movement.h"
#include "util/error.h"
#include "util/tz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void printable(const char *msg)
{
	assert(*msg);
	for (const char *p = msg; *p; p++)
		assert((unsigned char)*p >= 0x20);
}

static void round_trip(const struct cor_leg *l)
{
	char spec[512], a[18], b[18], msg[256];
	struct cor_leg again;
	snprintf(spec, sizeof(spec),
		 "from=%s,to=%s,departs=%s,arrives=%s,seats=%d,stretchers=%d,wchc=%d,wchs=%d,"
		 "number=%s",
		 l->from, l->to, cor_time_format_utc(l->departs, a),
		 cor_time_format_utc(l->arrives, b), l->seats, l->stretchers, l->wchc, l->wchs,
		 l->number);
	int err = cor_leg_parse(spec, "", &again, msg, sizeof(msg));
	assert(err == 0);
	/* Minutes only survive the trip: the spec form has no seconds. */
	assert(again.departs == l->departs - l->departs % 60);
	assert(again.arrives == l->arrives - l->arrives % 60);
	assert(!strcmp(again.from, l->from) && !strcmp(again.to, l->to));
	assert(!strcmp(again.number, l->number));
	assert(again.seats == l->seats && again.stretchers == l->stretchers &&
	       again.wchc == l->wchc && again.wchs == l->wchs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[2048], msg[256];
	if (size >= sizeof(text))
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (strlen(text) != size)
		return 0; /* the command line holds no NUL */
	struct cor_movement m = {
		.kind = COR_MOVEMENT_CHARTER, .label = "UZ 8401", .office = "LY-TIP"};
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line && m.nlegs < COR_MOVEMENT_LEGS_MAX;
	     line = strtok_r(NULL, "\n", &save)) {
		struct cor_leg l, before;
		memset(&l, 0x5a, sizeof(l));
		before = l;
		msg[0] = '\0';
		int err = cor_leg_parse(line, m.label, &l, msg, sizeof(msg));
		assert(err == 0 || err == COR_EINVAL);
		if (err) {
			printable(msg);
			assert(!memcmp(&l, &before, sizeof(l)));
			continue;
		}
		assert(cor_place_code_is_valid(l.from) && cor_place_code_is_valid(l.to));
		assert(cor_leg_number_is_valid(l.number));
		assert(l.seats >= 1 && l.seats <= 9999);
		assert(l.stretchers >= 0 && l.wchc >= 0 && l.wchs >= 0);
		char local[COR_LOCAL_LEN];
		assert(cor_tz_format(l.departs, "Africa/Tripoli", local) == 0 ||
		       l.departs > 253402300799); /* past 9999-12-31 */
		round_trip(&l);
		m.legs[m.nlegs++] = l;
	}
	if (m.nlegs) {
		msg[0] = '\0';
		int err = cor_movement_validate(&m, msg, sizeof(msg));
		assert(err == 0 || err == COR_EINVAL);
		if (err)
			printable(msg);
	}
	return 0;
}
