#ifndef AGENTREF_CSQLITE_SHIM_H
#define AGENTREF_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro that Swift cannot import; SQLite copies the bound value.
static inline int agentref_sqlite3_bind_text_transient(sqlite3_stmt *statement, int index,
                                                       const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

static inline int agentref_sqlite3_bind_blob_transient(sqlite3_stmt *statement, int index,
                                                       const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}

#endif
