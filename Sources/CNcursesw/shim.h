#ifndef MOCKPILOT_CNCURSESW_H
#define MOCKPILOT_CNCURSESW_H
/* The wide-character API (cchar_t, add_wch) is what keeps emoji and CJK in place. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 imports neither function-like macros nor mutable C globals. */
static inline int mp_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t mp_a_bold(void) { return A_BOLD; }
static inline attr_t mp_a_dim(void) { return A_DIM; }
static inline attr_t mp_a_reverse(void) { return A_REVERSE; }
static inline attr_t mp_a_underline(void) { return A_UNDERLINE; }
static inline attr_t mp_a_normal(void) { return A_NORMAL; }
static inline int mp_key_resize(void) { return KEY_RESIZE; }
static inline int mp_key_mouse(void) { return KEY_MOUSE; }
static inline int mp_key_btab(void) { return KEY_BTAB; }
static inline int mp_key_up(void) { return KEY_UP; }
static inline int mp_key_down(void) { return KEY_DOWN; }
static inline int mp_key_left(void) { return KEY_LEFT; }
static inline int mp_key_right(void) { return KEY_RIGHT; }
static inline int mp_key_ppage(void) { return KEY_PPAGE; }
static inline int mp_key_npage(void) { return KEY_NPAGE; }
static inline int mp_key_enter(void) { return KEY_ENTER; }
static inline int mp_key_home(void) { return KEY_HOME; }
static inline int mp_key_end(void) { return KEY_END; }
static inline int mp_setlocale_all(void) { return setlocale(LC_ALL, "") != NULL; }
static inline int mp_wcwidth(wchar_t c) { return wcwidth(c); }
#endif
