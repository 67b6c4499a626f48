// SPDX-License-Identifier: Apache-2.0
// One error enum for every layer. Functions named as actions return 0 or a
// negative cor_err; the message for a person lives on the context that
// failed (a store, a parse), never in a global.
#ifndef COR_ERROR_H
#define COR_ERROR_H

#include <stdbool.h>

enum cor_err {
	COR_OK = 0,
	COR_EINVAL = -1,       /* input does not satisfy a rule */
	COR_ENOTFOUND = -2,    /* no such record */
	COR_EEXIST = -3,       /* a record with that identity exists */
	COR_EIO = -4,          /* the operating system or the database failed */
	COR_ENOMEM = -5,       /* out of memory */
	COR_ENOTCORRIDOR = -6, /* the file is not a Corridor database */
	COR_ETOONEW = -7,      /* the database was written by a newer Corridor */
	COR_ECORRUPT = -8,     /* the database is damaged */
	COR_EWRONGSTATE = -9,  /* the transition is not allowed from this state */
	COR_EBUSY = -10,       /* the database is locked by another process */
};

/* The one error shape of every operation: a stable code, the field or
 * parameter at fault, and a sentence for a person that names the subject
 * (never a command-line flag or a file path). A refusal with several causes
 * lists each of them as a cause of its own.
 *
 * Every code is a row of COR_CODES: its name (what clients match on; never
 * renamed once released), the exit status of the command line and the HTTP
 * status of the API. Exit statuses: 1 refused or failed, 2 a parameter of
 * the request was wrong. */
#define COR_CODES(X)                                                                               \
	X(OK, 0, 200)                                                                              \
	/* the request */                                                                          \
	X(BAD_PARAMETER, 2, 400) /* a parameter is missing or malformed */                         \
	X(INVALID, 1, 422)       /* a value breaks a rule of its field */                          \
	X(UNKNOWN_STATE, 2, 400) /* not a state of the lifecycle */                                \
	X(TOO_LARGE, 1, 413)     /* the input is larger than allowed */                            \
	X(NO_ACTOR, 1, 401)      /* who is acting is not known */                                  \
	X(FORBIDDEN, 1, 403)     /* the actor may not do this */                                   \
	/* records that are not there */                                                           \
	X(NOT_FOUND, 1, 404)                                                                       \
	X(OFFICE_NOT_FOUND, 1, 404)                                                                \
	X(CASE_NOT_FOUND, 1, 404)                                                                  \
	X(PERSON_NOT_FOUND, 1, 404)                                                                \
	X(DOCUMENT_NOT_FOUND, 1, 404)                                                              \
	X(REFERRAL_NOT_FOUND, 1, 404)                                                              \
	X(HEALTH_NOT_FOUND, 1, 404)                                                                \
	X(FUND_REQUEST_NOT_FOUND, 1, 404)                                                          \
	X(SUPPORT_NOT_FOUND, 1, 404)                                                               \
	X(PLACE_NOT_FOUND, 1, 404)                                                                 \
	X(MOVEMENT_NOT_FOUND, 1, 404)                                                              \
	X(BOOKING_NOT_FOUND, 1, 404)                                                               \
	X(ESCORT_NOT_FOUND, 1, 404)                                                                \
	/* conflicts with what is stored */                                                        \
	X(EXISTS, 1, 409)            /* a record with that identity exists */                      \
	X(WRONG_STATE, 1, 409)       /* not allowed in the record's current state */               \
	X(CAPACITY, 1, 409)          /* not enough seats or special places */                      \
	X(DEPARTURE_BLOCKED, 1, 409) /* the pre-departure check finds blockers: each a cause */    \
	X(NO_NUMBERS, 1, 409)        /* a device has no case number left in its blocks */          \
	X(CONFLICT, 1, 409)          /* changed by someone else meanwhile */                       \
	/* the rules of the domain */                                                              \
	X(REFUSED, 1, 422) /* a rule refuses it; the message says which */                         \
	X(REASON_REQUIRED, 1, 422)                                                                 \
	X(NO_BOOKING, 1, 422)   /* to booked without a seat on a movement */                       \
	X(NOT_ELIGIBLE, 1, 422) /* each unmet criterion is a cause */                              \
	X(NO_INFORMED_DECISION, 1, 422)                                                            \
	X(NOT_COUNSELLED, 1, 422)                                                                  \
	X(PROTECTION_NOT_ASSESSED, 1, 422)                                                         \
	X(PROTECTION_NOT_CLEARED, 1, 422)                                                          \
	X(HEALTH_NOT_ASSESSED, 1, 422) /* no pre-migration health assessment */                    \
	X(REFERRAL_OPEN, 1, 422)                                                                   \
	X(ASYLUM_REFERRAL_OPEN, 1, 422)                                                            \
	X(NOT_FIT, 1, 422)          /* fitness to travel missing, expired, unfit or deferred */    \
	X(DOCUMENT_INVALID, 1, 422) /* no valid travel document for the date */                    \
	X(FUND_EXCEEDED, 1, 422)    /* more than the fund or the request allows */                 \
	/* the system */                                                                           \
	X(BUSY, 1, 503)         /* the database is locked by another process */                    \
	X(STORE_FAILED, 1, 500) /* the database or the disk failed */                              \
	X(NO_MEMORY, 1, 500)                                                                       \
	X(NOT_CORRIDOR, 1, 500) /* the database is not Corridor's */                               \
	X(TOO_NEW, 1, 500)      /* the database was written by a newer Corridor */                 \
	X(CORRUPT, 1, 500)      /* the database is damaged */

enum cor_code {
#define COR_CODE_ENUM(name, exit, http) COR_CODE_##name,
	COR_CODES(COR_CODE_ENUM)
#undef COR_CODE_ENUM
		COR_CODE__N
};

#define COR_FIELD_MAX   48
#define COR_MESSAGE_MAX 512
#define COR_CAUSES_MAX  16

struct cor_cause {
	enum cor_code code;
	char field[COR_FIELD_MAX];     /* "" when no one field is at fault */
	char message[COR_MESSAGE_MAX]; /* "" when the code says it all */
};

struct cor_error {
	enum cor_code code;            /* COR_CODE_OK: no error */
	char field[COR_FIELD_MAX];     /* the field or parameter at fault; "" none */
	char message[COR_MESSAGE_MAX]; /* for a person, lowercase, the subject quoted */
	int ncauses;                   /* the causes of one refusal, all of them */
	struct cor_cause causes[COR_CAUSES_MAX];
	int ncauses_lost; /* causes beyond COR_CAUSES_MAX, counted only */
};

/* Empty e. */
void cor_error_clear(struct cor_error *e);
/* Set e's code, field (NULL for none) and message; drops earlier causes.
 * Returns the cor_err that goes with code (COR_EINVAL, COR_ENOTFOUND, ...),
 * so that "return cor_error_set(...)" reads as a refusal. */
int cor_error_set(struct cor_error *e, enum cor_code code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Add a cause to e's refusal (counted in ncauses_lost when full). */
void cor_error_cause(struct cor_error *e, enum cor_code code, const char *field, const char *fmt,
		     ...) __attribute__((format(printf, 4, 5)));
/* Add every cause of from to e's refusal, and the count of those from lost. */
void cor_error_add_causes(struct cor_error *e, const struct cor_error *from);
/* Refuse into e with the causes collected in causes (nothing when it holds
 * none: returns 0). One cause, unless always_list, is the error itself;
 * otherwise the error is the summary (printf-style) with field, and every
 * cause is listed. code COR_CODE_OK takes the first cause's code, or
 * BAD_PARAMETER when any cause is one. Returns the cor_err of the code. */
int cor_error_refuse(struct cor_error *e, const struct cor_error *causes, enum cor_code code,
		     const char *field, bool always_list, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* The code's stable name ("CASE_NOT_FOUND"). Static storage. */
const char *cor_code_name(enum cor_code code);
/* The code named name, or -1 when there is none. */
int cor_code_from_name(const char *name);
/* The command line's exit status and the API's HTTP status for code. */
int cor_code_exit_status(enum cor_code code);
int cor_code_http_status(enum cor_code code);
/* The cor_err that goes with code. */
int cor_code_err(enum cor_code code);
/* The code that goes with a cor_err from a lower layer (NOT_FOUND for
 * COR_ENOTFOUND, STORE_FAILED for COR_EIO, ...). */
enum cor_code cor_code_of_err(int err);

/* A sentence for a person, e.g. "no such record". Static storage. */
const char *cor_strerror(int err);
/* A stable machine code, e.g. "NOT_FOUND". Static storage. */
const char *cor_errcode(int err);

#endif
