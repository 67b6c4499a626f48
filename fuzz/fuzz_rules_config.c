// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness for the rules config parser (cor_rules_config_parse).
// Whatever the bytes, the parser must not crash, and:
//   - it returns 0 or COR_EINVAL;
//   - on COR_EINVAL the config is untouched and the message reads
//     "fuzz.conf:LINE: reason" in printable ASCII, LINE within the input;
//   - on 0 every value is within the range its key allows, the time frames
//     keep their order, and each weight follows its code or its group;
//   - parsing the same bytes again gives the same config;
//   - the engines run on what was accepted (an evaluation, its sentences, a
//     priority explanation) without tripping the sanitizers.
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "domain/eligibility.h"
#include "domain/needs.h"
#include "domain/priority.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t config_bytes(void)
{
	return offsetof(struct cor_rules_config, weight) +
	       sizeof(((struct cor_rules_config *)0)->weight);
}

static void check_message(const char *msg, const uint8_t *data, size_t size)
{
	static const char prefix[] = "fuzz.conf:";
	assert(!strncmp(msg, prefix, sizeof(prefix) - 1));
	const char *p = msg + sizeof(prefix) - 1;
	long line = 0;
	assert(*p >= '1' && *p <= '9');
	while (*p >= '0' && *p <= '9')
		line = line * 10 + (*p++ - '0');
	assert(p[0] == ':' && p[1] == ' ' && p[2]);
	long lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	assert(line <= lines);
	for (const char *c = msg; *c; c++)
		assert(*c >= 0x20 && *c < 0x7f);
}

static void check_ranges(const struct cor_rules_config *c)
{
	assert(c->n_programmes == cor_programmes_len);
	for (size_t i = 0; i < c->n_programmes; i++) {
		const struct cor_programme_rules *pr = &c->programmes[i];
		assert(pr->programme == &cor_programmes[i] && pr->n_rules > 0);
		for (size_t k = 0; k < pr->n_rules; k++) {
			const struct cor_rule *r = &pr->rules[k];
			switch (r->criterion) {
			case COR_CRIT_FITNESS:
				assert(r->value >= 1 && r->value <= 720);
				break;
			case COR_CRIT_PRINCIPAL_AGE:
				assert(r->value >= 0 && r->value <= 25);
				break;
			case COR_CRIT_FAMILY:
				assert(r->value >= 0 && r->value <= 30);
				assert(r->mask & (1u << COR_REL_PRINCIPAL));
				assert(!(r->mask >> COR_REL__N));
				break;
			case COR_CRIT_TB:
				assert(r->value >= 0 && r->value <= 18);
				break;
			case COR_CRIT_PROTECTION:
				assert(r->value >= COR_RISK_LOW && r->value <= COR_RISK_HIGH);
				break;
			case COR_CRIT_TRAVEL_DOCUMENT:
				assert(r->mask && !(r->mask & (1u << COR_DOC_NONE)) &&
				       !(r->mask & (1u << COR_DOC_VISA)) &&
				       !(r->mask & (1u << COR_DOC_EXIT_PERMIT)) &&
				       !(r->mask >> COR_DOC__N));
				for (int d = 0; d < COR_DOC__N; d++)
					assert(r->margin_days[d] >= 0 && r->margin_days[d] <= 3650);
				break;
			default:
				break;
			}
		}
	}
	for (int l = 0; l < COR_PRIO__N; l++)
		assert(c->priority_days[l] >= 1 && c->priority_days[l] <= 3650);
	assert(c->priority_days[COR_PRIO_EMERGENCY] <= c->priority_days[COR_PRIO_URGENT]);
	assert(c->priority_days[COR_PRIO_URGENT] <= c->priority_days[COR_PRIO_NORMAL]);
	for (size_t i = 0; i < cor_needs_len; i++) {
		int own = c->weight_own[i];
		assert(own >= -1 && own <= 100);
		if (own >= 0) {
			assert(c->weight[i] == own);
		} else {
			char group[3] = {cor_needs[i].code[0], cor_needs[i].code[1], '\0'};
			const struct cor_need *g = cor_need_find(group);
			assert(g && c->weight[i] == c->weight[g - cor_needs]);
		}
	}
}

/* Run both engines on a small case under every programme. */
static void exercise(const struct cor_rules_config *cfg)
{
	static const struct cor_traveller_facts t[2] = {
		{.ref = "LY-TIP-2026-000001-01",
		 .display_name = "AMINA YUSUF",
		 .relationship = COR_REL_PRINCIPAL,
		 .birth_date = {2010, 5, 1},
		 .needs = "SC-UC;SM",
		 .n_docs = 1,
		 .docs = {{.kind = COR_DOC_PASSPORT,
			   .expires_on = {2027, 2, 1},
			   .has_expiry = true}},
		 .fitness = COR_FITNESS_FIT,
		 .fitness_on = {2026, 12, 1},
		 .fitness_minute = 60,
		 .protection_risk = COR_RISK_MEDIUM},
		{.ref = "LY-TIP-2026-000001-02",
		 .relationship = COR_REL_SIBLING,
		 .needs = "CR",
		 .tb = COR_TB_A},
	};
	struct cor_case_facts f = {.ref = "LY-TIP-2026-000001",
				   .destination = "USA",
				   .priority = COR_PRIO_URGENT,
				   .registered_on = {2026, 1, 2},
				   .has_travel_date = true,
				   .travel_on = {2026, 12, 5},
				   .departure_minute = 600,
				   .travellers = t,
				   .n_travellers = 2};
	struct cor_unmet buf[32];
	struct cor_eligibility r;
	struct cor_priority_rec p;
	char s[512];
	const struct cor_date today = {2026, 11, 27};

	cor_eligibility_init(&r, buf, 32);
	for (size_t i = 0; i < cor_programmes_len; i++) {
		f.programme = &cor_programmes[i];
		int rc = cor_eligibility_evaluate(cfg, &f, today, &r);
		assert(rc == 0);
		for (size_t k = 0; k < r.n; k++) {
			size_t n = cor_unmet_describe(&buf[k], &f, s, sizeof(s));
			assert(n == strlen(s) && n > 0);
		}
	}
	assert(cor_priority_compute(cfg, &f, &p) == 0);
	size_t n = cor_priority_explain(cfg, &p, today, s, sizeof(s));
	assert(n == strlen(s));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cor_rules_config def;
	static int ready;
	if (!ready) {
		def = cor_rules_config_default();
		ready = 1;
	}
	struct cor_rules_config a = def, b = def;
	char msg[256], msg2[256];
	const char *text = (const char *)data;

	int rc = cor_rules_config_parse(&a, text, size, "fuzz.conf", msg, sizeof(msg));
	assert(rc == 0 || rc == COR_EINVAL);
	int rc2 = cor_rules_config_parse(&b, text, size, "fuzz.conf", msg2, sizeof(msg2));
	assert(rc == rc2 && !strcmp(msg, msg2));
	assert(!memcmp(&a, &b, config_bytes()));
	if (rc < 0) {
		check_message(msg, data, size);
		assert(!memcmp(&a, &def, config_bytes()));
		return 0;
	}
	assert(msg[0] == '\0');
	check_ranges(&a);
	exercise(&a);
	return 0;
}
