// SPDX-License-Identifier: Apache-2.0
// Numbered schema migrations of the SQLite backend. Migration i (1-based)
// takes a database from user_version i-1 to i. Never edit a released
// migration: add the next one.
#ifndef COR_MIGRATIONS_H
#define COR_MIGRATIONS_H

#include <stddef.h>

extern const char *const cor_sqlite_migrations[];
extern const size_t cor_sqlite_migrations_len;

/* Migrations defined beside the feature they serve. */
extern const char cor_sqlite_migration_fund[];
extern const char cor_sqlite_migration_workflow[];
extern const char cor_sqlite_migration_health[];
extern const char cor_sqlite_migration_support[];
extern const char cor_sqlite_migration_movement[];
extern const char cor_sqlite_migration_correct[];

#endif
