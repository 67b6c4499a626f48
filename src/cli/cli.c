// SPDX-License-Identifier: Apache-2.0
// The command table and dispatcher, and the helpers every subcommand shares
// (database path, actor, error output). A subcommand is a row here and a
// file of its own.
#include "cli/cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "service/json.h"
#include "util/out.h"
#include "service/service.h"

static const struct cor_command *const commands[] = {
	&cor_cmd_init,       &cor_cmd_demo,    &cor_cmd_import,     &cor_cmd_export,
	&cor_cmd_case,       &cor_cmd_office,  &cor_cmd_stats,      &cor_cmd_mrz,
	&cor_cmd_fund,       &cor_cmd_move,    &cor_cmd_counsel,    &cor_cmd_referral,
	&cor_cmd_protection, &cor_cmd_health,  &cor_cmd_document,   &cor_cmd_eligibility,
	&cor_cmd_queue,      &cor_cmd_place,   &cor_cmd_movement,   &cor_cmd_plan,
	&cor_cmd_manifest,   &cor_cmd_arrival, &cor_cmd_support,    &cor_cmd_rules,
	&cor_cmd_numbers,    &cor_cmd_correct, &cor_cmd_duplicates, &cor_cmd_location,
	&cor_cmd_help,
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct cor_command *find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i]->name, name))
			return commands[i];
	return NULL;
}

int cor_cli_help(const char *name)
{
	if (name) {
		const struct cor_command *c = find(name);
		if (!c) {
			fprintf(stderr, "corridor: no command '%s' (see 'corridor help')\n", name);
			return COR_EXIT_USAGE;
		}
		printf("%s\n\n%s\n", c->summary, c->usage);
		return COR_EXIT_OK;
	}
	printf("usage: corridor <command> [options]\n\n"
	       "Corridor: case management and movement assistance.\n\ncommands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		printf("   %-12s %s\n", commands[i]->name, commands[i]->summary);
	printf("\nEvery command takes --db PATH (default: $CORRIDOR_DB, else ./corridor.db).\n"
	       "'corridor help <command>' shows a command's options.\n");
	return COR_EXIT_OK;
}

int cor_cli_main(int argc, char **argv)
{
	if (argc < 2) {
		cor_cli_help(NULL);
		return COR_EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h"))
		return cor_cli_help(NULL);
	if (!strcmp(name, "--version")) {
		printf("corridor 0.1.0\n");
		return COR_EXIT_OK;
	}
	const struct cor_command *c = find(name);
	if (!c) {
		fprintf(stderr, "corridor: '%s' is not a command (see 'corridor help')\n", name);
		return COR_EXIT_USAGE;
	}
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return cor_cli_help(c->name);
	if (!(c->flags & COR_CMD_NO_ACTOR)) {
		/* Every command that touches data runs under a known actor. */
		struct cor_ctx cx;
		if (cor_ctx_init(&cx, NULL, cor_cli_actor(), cor_cli_now()) < 0) {
			bool json = false;
			for (int i = 2; i < argc; i++)
				json |= !strcmp(argv[i], "--json");
			if (!json && cx.err.code == COR_CODE_NO_ACTOR)
				fprintf(stderr,
					"corridor %s: set CORRIDOR_USER to your name or user ID: "
					"every change is recorded under it\n",
					c->name);
			else if (!json)
				fprintf(stderr,
					"corridor %s: CORRIDOR_NOW must be a UTC time, or unset "
					"for "
					"the system clock\n",
					c->name);
			return cor_cli_error(&cx, json);
		}
	}
	return c->run(argc - 1, argv + 1);
}

const char *cor_cli_db_path(const char *given)
{
	if (given && *given)
		return given;
	const char *env = getenv("CORRIDOR_DB");
	return env && *env ? env : "./corridor.db";
}

void cor_cli_db_shown(const char *target, char *buf, size_t len)
{
	struct cor_out o = COR_OUT_INIT(buf, len);
	const char *p = target, *scheme = strstr(target, "://");
	buf[0] = '\0';
	if (!scheme || strncmp(target, "postgres", 8)) {
		cor_out_printf(&o, "%s", target);
		return;
	}
	/* postgresql://user:secret@host/db?password=secret&... */
	const char *auth = scheme + 3, *end = auth + strcspn(auth, "/?");
	const char *at = memchr(auth, '@', (size_t)(end - auth));
	const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon) {
		cor_out_printf(&o, "%.*s***", (int)(colon + 1 - target), target);
		p = at;
	}
	while (*p) {
		const char *q = strstr(p, "password=");
		if (!q || (q > target && q[-1] != '?' && q[-1] != '&')) {
			if (!q) {
				cor_out_printf(&o, "%s", p);
				break;
			}
			cor_out_printf(&o, "%.*s", (int)(q + 9 - p), p);
			p = q + 9;
			continue;
		}
		cor_out_printf(&o, "%.*s***", (int)(q + 9 - p), p);
		p = q + 9 + strcspn(q + 9, "&");
	}
}

const char *cor_cli_actor(void)
{
	return getenv("CORRIDOR_USER");
}

const char *cor_cli_now(void)
{
	const char *now = getenv("CORRIDOR_NOW");
	return now && *now ? now : NULL;
}

int cor_cli_ctx_open(const char *db, unsigned flags, bool json, struct cor_store **st,
		     struct cor_ctx *cx)
{
	char msg[600];
	*st = NULL;
	if (cor_ctx_init(cx, NULL, cor_cli_actor(), cor_cli_now()) < 0)
		return cor_cli_error(cx, json);
	if (cor_store_open(cor_cli_db_path(db), flags, st, msg, sizeof(msg)) < 0) {
		/* The command line names the file it was given; the API never does. */
		cor_error_set(&cx->err, COR_CODE_STORE_FAILED, "db", "%s", msg);
		return cor_cli_error(cx, json);
	}
	cx->st = *st;
	return COR_EXIT_OK;
}

int cor_cli_error(const struct cor_ctx *cx, bool json)
{
	const struct cor_error *e = &cx->err;
	if (json) {
		json_t *doc = cor_error_json(e);
		if (doc)
			json_dumpf(doc, stderr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stderr);
		json_decref(doc);
	} else {
		fprintf(stderr, "error: %s\n", cor_cli_shown(e->message));
		for (int i = 0; i < e->ncauses; i++)
			fprintf(stderr, "  %s\n", cor_cli_shown(e->causes[i].message));
		if (e->ncauses_lost)
			fprintf(stderr, "  and %d more\n", e->ncauses_lost);
	}
	return cor_code_exit_status(e->code);
}

int cor_cli_print_json(json_t *doc)
{
	if (!doc)
		return cor_cli_fail("out of memory");
	int rc = json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(doc);
	if (rc < 0 || fputc('\n', stdout) == EOF)
		return cor_cli_fail("cannot write the output");
	return COR_EXIT_OK;
}

int cor_cli_usage_error(const struct cor_command *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "corridor %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	/* One line, and where the usage is: a screenful of usage hides the
	 * line that says what was wrong. */
	fprintf(stderr, "\nsee 'corridor %s --help'\n", cmd->name);
	return COR_EXIT_USAGE;
}

int cor_cli_fail(const char *fmt, ...)
{
	va_list ap;
	fputs("error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return COR_EXIT_FAIL;
}

int cor_cli_subcommand(const struct cor_command *cmd, const char *const *names, int argc,
		       char **argv)
{
	char list[256] = "";
	size_t n = 0, used = 0;
	while (names[n])
		n++;
	for (size_t i = 0; i < n; i++) {
		if (argc >= 2 && !strcmp(argv[1], names[i]))
			return (int)i;
		used += (size_t)snprintf(list + used, used < sizeof(list) ? sizeof(list) - used : 0,
					 "%s%s",
					 i == 0       ? ""
					 : i + 1 == n ? " or "
						      : ", ",
					 names[i]);
	}
	if (argc < 2)
		cor_cli_usage_error(cmd, "which? %s", list);
	else
		cor_cli_usage_error(cmd, "'%s' is not %s", argv[1], list);
	return -1;
}

void cor_cli_getopt_reset(void)
{
	optind = 0; /* glibc: 0 re-initialises the scanner */
	opterr = 0;
}

int cor_cli_open(const char *db, unsigned flags, struct cor_store **st)
{
	char msg[600];
	if (cor_store_open(cor_cli_db_path(db), flags, st, msg, sizeof(msg)) < 0)
		return cor_cli_fail("%s", msg);
	return COR_EXIT_OK;
}

int cor_cli_bad_option(const struct cor_command *cmd, int opt, char **argv)
{
	if (opt == ':')
		return cor_cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
	/* In a cluster of short options ("-xy") getopt has not moved optind
	 * past the cluster yet: argv[optind - 1] is the argument before it. */
	if (optopt && strncmp(argv[optind - 1], "--", 2))
		return cor_cli_usage_error(cmd, "unknown option '-%c'", optopt);
	return cor_cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

int cor_cli_parse_long(const struct cor_command *cmd, const char *opt, const char *v, long lo,
		       long hi, long *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n < lo || n > hi)
		return cor_cli_usage_error(cmd, "%s: '%s' is not a whole number from %ld to %ld",
					   opt, v, lo, hi);
	*out = n;
	return COR_EXIT_OK;
}

int cor_cli_parse_date(const struct cor_command *cmd, const char *opt, const char *v,
		       struct cor_date *out)
{
	if (cor_date_parse(v, out) < 0)
		return cor_cli_usage_error(
			cmd, "%s: '%s' is not a real date in the form YYYY-MM-DD", opt, v);
	return COR_EXIT_OK;
}

void cor_cli_thousands(char *buf, size_t len, long n)
{
	char tmp[32];
	int k = snprintf(tmp, sizeof(tmp), "%ld", n < 0 ? -n : n);
	size_t o = 0;
	if (n < 0 && o + 1 < len)
		buf[o++] = '-';
	for (int i = 0; i < k && o + 1 < len; i++) {
		if (i && (k - i) % 3 == 0 && o + 1 < len)
			buf[o++] = ',';
		buf[o++] = tmp[i];
	}
	buf[o] = '\0';
}

/* The length of the UTF-8 sequence at s (1 to 4), or 0 when it is not one;
 * *cp gets the code point. */
static size_t utf8_seq(const unsigned char *s, unsigned *cp)
{
	size_t n = s[0] < 0x80             ? 1
		   : (s[0] & 0xE0) == 0xC0 ? 2
		   : (s[0] & 0xF0) == 0xE0 ? 3
		   : (s[0] & 0xF8) == 0xF0 ? 4
					   : 0;
	if (!n)
		return 0;
	unsigned c = n == 1 ? s[0] : s[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	static const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
	if (c < least[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* Does s need an escape anywhere? */
static bool needs_escape(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		unsigned cp;
		size_t n = utf8_seq(p, &cp);
		if (!n || cp < 0x20 || cp == '\\' || (cp >= 0x7F && cp <= 0x9F))
			return true;
		p += n;
	}
	return false;
}

char *cor_cli_shown_buf(const char *s, char *buf, size_t len)
{
	size_t o = 0;
	if (!len)
		return buf;
	buf[0] = '\0';
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
		char esc[8];
		unsigned cp = 0;
		size_t n = utf8_seq(p, &cp), k;
		if (!n) {
			k = (size_t)snprintf(esc, sizeof(esc), "\\x%02x", *p);
			n = 1;
		} else if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\\') {
			esc[0] = '\\';
			esc[1] = cp == '\t' ? 't' : cp == '\n' ? 'n' : cp == '\r' ? 'r' : '\\';
			k = 2;
		} else if (cp < 0x20 || cp == 0x7F) {
			k = (size_t)snprintf(esc, sizeof(esc), "\\x%02x", cp);
		} else if (cp >= 0x80 && cp <= 0x9F) {
			k = (size_t)snprintf(esc, sizeof(esc), "\\u%04x", cp);
		} else {
			memcpy(esc, p, n);
			k = n;
		}
		if (o + k + 4 > len) { /* room for "..." and the terminator */
			if (len >= 4) {
				memcpy(buf + o, "...", 3);
				o += 3;
			}
			break;
		}
		memcpy(buf + o, esc, k);
		o += k;
		p += n;
	}
	buf[o < len ? o : len - 1] = '\0';
	return buf;
}

const char *cor_cli_shown(const char *s)
{
	static char slots[COR_CLI_SHOWN_SLOTS][COR_CLI_SHOWN_MAX + 4];
	static unsigned next;
	if (!s)
		return "";
	if (!needs_escape(s))
		return s;
	char *buf = slots[next++ % COR_CLI_SHOWN_SLOTS];
	return cor_cli_shown_buf(s, buf, sizeof(slots[0]));
}
