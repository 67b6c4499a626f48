// SPDX-License-Identifier: Apache-2.0
// The command-line layer: one file per subcommand, each exporting a
// struct cor_command; cli.c holds the table and the dispatcher.
//
// Exit status, for every subcommand: 0 success; 1 the work was refused or
// failed (bad input, a rule, the database), with a message on stderr; 2 the
// command line itself was wrong (unknown option, missing argument).
#ifndef COR_CLI_H
#define COR_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/date.h"
#include "store/store.h"

enum { COR_EXIT_OK = 0, COR_EXIT_FAIL = 1, COR_EXIT_USAGE = 2 };

enum cor_command_flags {
	COR_CMD_NO_ACTOR = 1 << 0, /* runs without CORRIDOR_USER (touches no data) */
};

struct cor_command {
	const char *name;                  /* "case", "import" */
	int (*run)(int argc, char **argv); /* argv[0] is the name; returns an exit status */
	const char *usage;                 /* the synopsis, printed by help and on misuse */
	const char *summary;               /* one line for the command list */
	unsigned flags;                    /* enum cor_command_flags */
};

/* Run the command line argv[1..]; returns the process exit status. */
int cor_cli_main(int argc, char **argv);
/* Print the list of commands (cmd == NULL) or one command's usage. */
int cor_cli_help(const char *cmd);

/* The database target as it may be shown: a PostgreSQL URI's password
 * (user:PASSWORD@ or password=...) replaced by "***"; a path as it is. */
void cor_cli_db_shown(const char *target, char *buf, size_t len);
/* The database path: given (from --db), else $CORRIDOR_DB, else "./corridor.db". Borrowed. */
const char *cor_cli_db_path(const char *given);
/* The actor recorded on events: $CORRIDOR_USER, checked by the dispatcher
 * before any command that touches data runs. Borrowed. */
const char *cor_cli_actor(void);
/* The clock: $CORRIDOR_NOW (a UTC time, for tests and rehearsals), else
 * NULL for the system clock. Borrowed. */
const char *cor_cli_now(void);

struct cor_ctx;
/* Open the database (as cor_cli_open) and set up the context of its
 * operations from the environment (actor, clock). On failure prints why
 * (as JSON on stderr when json) and returns its exit status; *st is then
 * NULL. */
int cor_cli_ctx_open(const char *db, unsigned flags, bool json, struct cor_store **st,
		     struct cor_ctx *cx);
/* Print why cx's last operation failed on stderr: "error: MESSAGE" and a
 * line a cause, or with json the error document. Returns the exit status
 * its code maps to. */
int cor_cli_error(const struct cor_ctx *cx, bool json);
/* Print doc (taken) as one JSON document on stdout. Returns COR_EXIT_OK,
 * or COR_EXIT_FAIL when doc is NULL (out of memory) or cannot be written. */
struct json_t;
int cor_cli_print_json(struct json_t *doc);
/* Print "corridor NAME: MESSAGE" and "see 'corridor NAME --help'" on stderr;
 * returns COR_EXIT_USAGE. */
int cor_cli_usage_error(const struct cor_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print "error: MESSAGE" on stderr; returns COR_EXIT_FAIL. */
int cor_cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The index of argv[1] among names (NULL-terminated): the subcommand to run.
 * When it is missing or unknown, prints "which? a, b or c" or "'x' is not a,
 * b or c" with the usage and returns -1 (the caller exits COR_EXIT_USAGE). */
int cor_cli_subcommand(const struct cor_command *cmd, const char *const *names, int argc,
		       char **argv);
/* Reset getopt before a command parses its options. */
void cor_cli_getopt_reset(void);
/* Report getopt's '?' or ':' for cmd; returns COR_EXIT_USAGE. */
int cor_cli_bad_option(const struct cor_command *cmd, int opt, char **argv);
/* Open the database (path from cor_cli_db_path(db)); on failure print why
 * and return COR_EXIT_FAIL. */
int cor_cli_open(const char *db, unsigned flags, struct cor_store **st);
/* Parse an option's whole-number value in [lo, hi], or report a usage error. */
int cor_cli_parse_long(const struct cor_command *cmd, const char *opt, const char *v, long lo,
		       long hi, long *out);
/* Parse an option's date value, or report a usage error. */
int cor_cli_parse_date(const struct cor_command *cmd, const char *opt, const char *v,
		       struct cor_date *out);
/* Stored text as a terminal may show it: every control character written
 * as an escape, so that a note, a reason or a name cannot move the cursor,
 * change colours or forge a line of output. Tab, line feed and carriage
 * return become \t, \n and \r; any other C0 control and DEL \xNN (ESC is
 * \x1b); a C1 control (U+0080 to U+009F) \u00NN; a byte that is not UTF-8
 * \xNN; a backslash \\, so that an escape is never ambiguous. Text without
 * any of them is returned as it is (s itself); otherwise the escaped copy
 * is in one of COR_CLI_SHOWN_SLOTS buffers the calls take in turn (valid
 * until that many more calls; longer than COR_CLI_SHOWN_MAX bytes it ends
 * with "..."). NULL is "". Every human-readable line that prints text read
 * from the store passes it through here; JSON output escapes per JSON. */
#define COR_CLI_SHOWN_SLOTS 16
#define COR_CLI_SHOWN_MAX   4096
const char *cor_cli_shown(const char *s);
/* The same into buf (len bytes, cut as above); returns buf. */
char *cor_cli_shown_buf(const char *s, char *buf, size_t len);
/* Format n with thousands separators ("1,234,567"). */
void cor_cli_thousands(char *buf, size_t len, long n);

extern const struct cor_command cor_cmd_help, cor_cmd_init, cor_cmd_demo, cor_cmd_import,
	cor_cmd_export, cor_cmd_case, cor_cmd_office, cor_cmd_stats, cor_cmd_mrz;
extern const struct cor_command cor_cmd_fund, cor_cmd_arrival, cor_cmd_support;
extern const struct cor_command cor_cmd_health, cor_cmd_document;
extern const struct cor_command cor_cmd_move, cor_cmd_counsel, cor_cmd_referral, cor_cmd_protection;
extern const struct cor_command cor_cmd_eligibility, cor_cmd_queue;
extern const struct cor_command cor_cmd_place, cor_cmd_movement, cor_cmd_plan, cor_cmd_manifest;
extern const struct cor_command cor_cmd_location;
extern const struct cor_command cor_cmd_rules, cor_cmd_numbers;
extern const struct cor_command cor_cmd_correct;
extern const struct cor_command cor_cmd_duplicates;

#endif
