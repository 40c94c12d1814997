#ifndef AGENTREF_CNCURSESW_SHIM_H
#define AGENTREF_CNCURSESW_SHIM_H

// Wide-character ncurses: cchar_t, mvadd_wch and setcchar need this before the include.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>
#include <sys/ioctl.h>
#include <unistd.h>

// Attribute macros and globals do not import into Swift, so these wrappers expose them.
static inline unsigned int agentref_attr_bold(void) { return A_BOLD; }
static inline unsigned int agentref_attr_reverse(void) { return A_REVERSE; }
static inline unsigned int agentref_attr_underline(void) { return A_UNDERLINE; }
static inline unsigned int agentref_attr_dim(void) { return A_DIM; }
static inline unsigned int agentref_attr_normal(void) { return A_NORMAL; }
static inline WINDOW *agentref_stdscr(void) { return stdscr; }
static inline int agentref_lines(void) { return LINES; }
static inline int agentref_cols(void) { return COLS; }
static inline int agentref_colors(void) { return COLORS; }
static inline int agentref_color_pairs(void) { return COLOR_PAIRS; }
static inline int agentref_key_resize(void) { return KEY_RESIZE; }
static inline int agentref_key_mouse(void) { return KEY_MOUSE; }
static inline void agentref_set_escdelay(int ms) { set_escdelay(ms); }

// <wchar.h> declares wcwidth only under _XOPEN_SOURCE, and the C library module is not
// built with it, so the dashboard's text width code gets it through this declaration.
extern int wcwidth(wchar_t c);
static inline int agentref_wcwidth(wchar_t c) { return wcwidth(c); }

// Mouse button masks are function-like macros, which do not import.
static inline mmask_t agentref_button1_press_mask(void) { return BUTTON1_PRESSED; }
// Presses and releases of every button (the wheel is buttons 4 and 5), with the modifier
// bits. After a mouse report whose event is outside the mask, ncurses 6.4 reads on for
// the next input without the wgetch timeout, so the mask takes every report a terminal
// sends and the dashboard ignores the events it has no use for.
static inline mmask_t agentref_all_buttons_mask(void) {
    mmask_t mask = BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON2_PRESSED | BUTTON2_RELEASED
        | BUTTON3_PRESSED | BUTTON3_RELEASED | BUTTON4_PRESSED | BUTTON4_RELEASED
        | BUTTON_SHIFT | BUTTON_CTRL | BUTTON_ALT;
#ifdef BUTTON5_PRESSED
    mask |= BUTTON5_PRESSED | BUTTON5_RELEASED;
#endif
    return mask;
}
static inline mmask_t agentref_wheel_up_mask(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t agentref_wheel_down_mask(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t agentref_wheel_down_mask(void) { return 0; }
#endif

/// Reads the window size of the terminal on `fd` from the kernel; returns 0 on success.
/// ioctl is variadic, so Swift cannot call it directly.
static inline int agentref_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) { return -1; }
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

#endif
