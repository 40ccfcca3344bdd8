// The parts of ncursesw that Swift cannot import directly: macros become inline functions.
#ifndef ABSORB_CNCURSES_SHIM_H
#define ABSORB_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// COLOR_PAIR(n) as an attribute.
static inline int absorb_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int absorb_attr_bold(void) { return (int)A_BOLD; }
static inline int absorb_attr_reverse(void) { return (int)A_REVERSE; }
static inline int absorb_attr_dim(void) { return (int)A_DIM; }
static inline int absorb_attr_normal(void) { return (int)A_NORMAL; }
/// getmaxyx(stdscr, y, x).
static inline int absorb_lines(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int absorb_columns(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }
static inline WINDOW *absorb_stdscr(void) { return stdscr; }
/// The key codes Swift needs.
static inline int absorb_key_resize(void) { return KEY_RESIZE; }
static inline int absorb_key_up(void) { return KEY_UP; }
static inline int absorb_key_down(void) { return KEY_DOWN; }
static inline int absorb_key_left(void) { return KEY_LEFT; }
static inline int absorb_key_right(void) { return KEY_RIGHT; }
static inline int absorb_key_backspace(void) { return KEY_BACKSPACE; }
static inline int absorb_key_dc(void) { return KEY_DC; }
static inline int absorb_key_enter(void) { return KEY_ENTER; }
static inline int absorb_key_btab(void) { return KEY_BTAB; }
static inline int absorb_key_ppage(void) { return KEY_PPAGE; }
static inline int absorb_key_npage(void) { return KEY_NPAGE; }
static inline int absorb_key_home(void) { return KEY_HOME; }
static inline int absorb_key_end(void) { return KEY_END; }
static inline int absorb_key_code_yes(void) { return KEY_CODE_YES; }
static inline int absorb_err(void) { return ERR; }
/// Draws a wide string at a position with attributes.
static inline void absorb_put(int y, int x, const wchar_t *text, int count, int attributes) {
    attrset(attributes);
    mvaddnwstr(y, x, text, count);
}
#endif
