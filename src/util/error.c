// SPDX-License-Identifier: Apache-2.0
#include "util/error.h"

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
