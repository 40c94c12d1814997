#ifndef AGENTREF_CMICROHTTPD_SHIM_H
#define AGENTREF_CMICROHTTPD_SHIM_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <microhttpd.h>

// MHD_start_daemon and MHD_get_daemon_info are variadic, so Swift cannot call them.
// These wrappers fix the options this project uses.

/// Receives libmicrohttpd's own error messages, already formatted, so they reach the
/// application's log instead of standard error (where they would corrupt a full-screen
/// terminal UI running in the same process).
typedef void (*agentref_mhd_log_sink)(void *context, const char *message);

struct agentref_mhd_logger {
    agentref_mhd_log_sink sink;
    void *context;
};

static inline void agentref_mhd_format_log(void *logger_pointer, const char *format, va_list arguments) {
    struct agentref_mhd_logger *logger = (struct agentref_mhd_logger *)logger_pointer;
    char message[1024];
    vsnprintf(message, sizeof(message), format, arguments);
    logger->sink(logger->context, message);
}

/// Starts a daemon bound to 127.0.0.1:port (0 picks a free port) with one thread per
/// connection, so a handler may block, for example while streaming Server-Sent Events.
/// `logger` must stay valid until the daemon is stopped.
static inline struct MHD_Daemon *agentref_mhd_start_loopback(
    uint16_t port,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context,
    unsigned int connection_timeout_seconds,
    struct agentref_mhd_logger *logger) {
    struct sockaddr_in address;
    memset(&address, 0, sizeof(address));
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // poll() instead of select(), so descriptors above FD_SETSIZE (1024) still work in a
    // process that has many sockets open, such as a test run with many servers.
    unsigned int flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL_INTERNAL_THREAD
        | MHD_USE_ERROR_LOG;
    // The logger comes first: libmicrohttpd warns when it is set after other options.
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_context,
                            MHD_OPTION_EXTERNAL_LOGGER, agentref_mhd_format_log, logger,
                            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&address,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
                            MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
                            MHD_OPTION_END);
}

/// Returns the port the daemon listens on, or 0 when MHD cannot tell.
static inline uint16_t agentref_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

static inline ssize_t agentref_mhd_reader_end_of_stream(void) {
    return MHD_CONTENT_READER_END_OF_STREAM;
}

static inline ssize_t agentref_mhd_reader_end_with_error(void) {
    return MHD_CONTENT_READER_END_WITH_ERROR;
}

static inline uint64_t agentref_mhd_size_unknown(void) { return MHD_SIZE_UNKNOWN; }

#endif
