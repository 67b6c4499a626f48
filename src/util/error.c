// SPDX-License-Identifier: Apache-2.0
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
	int err;
	const char *code;
	const char *text;
} errors[] = {
	{COR_OK, "OK", "success"},
	{COR_EINVAL, "INVALID", "invalid input"},
	{COR_ENOTFOUND, "NOT_FOUND", "no such record"},
	{COR_EEXIST, "EXISTS", "record already exists"},
	{COR_EIO, "IO", "input/output or database failure"},
	{COR_ENOMEM, "NO_MEMORY", "out of memory"},
	{COR_ENOTCORRIDOR, "NOT_CORRIDOR", "not a Corridor database"},
	{COR_ETOONEW, "TOO_NEW", "database written by a newer Corridor"},
	{COR_ECORRUPT, "CORRUPT", "database is damaged"},
	{COR_EWRONGSTATE, "WRONG_STATE", "not allowed in the current state"},
	{COR_EBUSY, "BUSY", "database is locked by another process"},
};

const char *cor_strerror(int err)
{
	for (unsigned i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		if (errors[i].err == err)
			return errors[i].text;
	return "unknown error";
}

const char *cor_errcode(int err)
{
	for (unsigned i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		if (errors[i].err == err)
			return errors[i].code;
	return "UNKNOWN";
}

static const struct {
	const char *name;
	int exit, http;
} codes[] = {
#define COR_CODE_ROW(n, e, h) {#n, e, h},
	COR_CODES(COR_CODE_ROW)
#undef COR_CODE_ROW
};

void cor_error_clear(struct cor_error *e)
{
	e->code = COR_CODE_OK;
	e->field[0] = e->message[0] = '\0';
	e->ncauses = e->ncauses_lost = 0;
}

int cor_error_set(struct cor_error *e, enum cor_code code, const char *field, const char *fmt, ...)
{
	va_list ap;
	cor_error_clear(e);
	e->code = code;
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
	return cor_code_err(code);
}

void cor_error_cause(struct cor_error *e, enum cor_code code, const char *field, const char *fmt,
		     ...)
{
	va_list ap;
	if (e->ncauses == COR_CAUSES_MAX) {
		e->ncauses_lost++;
		return;
	}
	struct cor_cause *c = &e->causes[e->ncauses++];
	c->code = code;
	snprintf(c->field, sizeof(c->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(c->message, sizeof(c->message), fmt, ap);
	va_end(ap);
}

void cor_error_add_causes(struct cor_error *e, const struct cor_error *from)
{
	for (int i = 0; i < from->ncauses; i++)
		cor_error_cause(e, from->causes[i].code, from->causes[i].field, "%s",
				from->causes[i].message);
	e->ncauses_lost += from->ncauses_lost;
}

int cor_error_refuse(struct cor_error *e, const struct cor_error *causes, enum cor_code code,
		     const char *field, bool always_list, const char *fmt, ...)
{
	va_list ap;
	char summary[COR_MESSAGE_MAX];
	if (causes->ncauses == 0)
		return 0;
	const struct cor_cause *first = &causes->causes[0];
	if (causes->ncauses == 1 && !causes->ncauses_lost && !always_list)
		return cor_error_set(e, first->code, first->field, "%s", first->message);
	if (code == COR_CODE_OK) {
		code = first->code;
		for (int i = 0; i < causes->ncauses; i++)
			if (causes->causes[i].code == COR_CODE_BAD_PARAMETER)
				code = COR_CODE_BAD_PARAMETER;
	}
	va_start(ap, fmt);
	vsnprintf(summary, sizeof(summary), fmt, ap);
	va_end(ap);
	int err = cor_error_set(e, code, field, "%s", summary);
	cor_error_add_causes(e, causes);
	return err;
}

static bool known(enum cor_code code)
{
	return (unsigned)code < COR_CODE__N;
}

const char *cor_code_name(enum cor_code code)
{
	return known(code) ? codes[code].name : "UNKNOWN";
}

int cor_code_from_name(const char *name)
{
	for (int i = 0; i < COR_CODE__N; i++)
		if (!strcmp(codes[i].name, name))
			return i;
	return -1;
}

int cor_code_exit_status(enum cor_code code)
{
	return known(code) ? codes[code].exit : 1;
}

int cor_code_http_status(enum cor_code code)
{
	return known(code) ? codes[code].http : 500;
}

int cor_code_err(enum cor_code code)
{
	switch (code) {
	case COR_CODE_OK:
		return COR_OK;
	case COR_CODE_BUSY:
		return COR_EBUSY;
	case COR_CODE_STORE_FAILED:
		return COR_EIO;
	case COR_CODE_NO_MEMORY:
		return COR_ENOMEM;
	case COR_CODE_NOT_CORRIDOR:
		return COR_ENOTCORRIDOR;
	case COR_CODE_TOO_NEW:
		return COR_ETOONEW;
	case COR_CODE_CORRUPT:
		return COR_ECORRUPT;
	case COR_CODE_EXISTS:
		return COR_EEXIST;
	case COR_CODE_WRONG_STATE:
		return COR_EWRONGSTATE;
	default:
		break;
	}
	if (known(code) && codes[code].http == 404)
		return COR_ENOTFOUND;
	return COR_EINVAL;
}

enum cor_code cor_code_of_err(int err)
{
	switch (err) {
	case COR_OK:
		return COR_CODE_OK;
	case COR_ENOTFOUND:
		return COR_CODE_NOT_FOUND;
	case COR_EEXIST:
		return COR_CODE_EXISTS;
	case COR_ENOMEM:
		return COR_CODE_NO_MEMORY;
	case COR_ENOTCORRIDOR:
		return COR_CODE_NOT_CORRIDOR;
	case COR_ETOONEW:
		return COR_CODE_TOO_NEW;
	case COR_ECORRUPT:
		return COR_CODE_CORRUPT;
	case COR_EWRONGSTATE:
		return COR_CODE_WRONG_STATE;
	case COR_EBUSY:
		return COR_CODE_BUSY;
	case COR_EINVAL:
		return COR_CODE_INVALID;
	default:
		return COR_CODE_STORE_FAILED;
	}
}
