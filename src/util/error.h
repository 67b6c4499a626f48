// SPDX-License-Identifier: Apache-2.0
// One error enum for every layer. Functions named as actions return 0 or a
// negative cor_err; the message for a person lives on the context that
// failed (a store, a parse), never in a global.
#ifndef COR_ERROR_H
#define COR_ERROR_H

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

/* A sentence for a person, e.g. "no such record". Static storage. */
const char *cor_strerror(int err);
/* A stable machine code, e.g. "NOT_FOUND". Static storage. */
const char *cor_errcode(int err);

#endif
