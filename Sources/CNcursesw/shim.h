#ifndef MOCKPILOT_CNCURSESW_H
#define MOCKPILOT_CNCURSESW_H
/* The wide-character API (cchar_t, add_wch) is what keeps emoji and CJK in place. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 imports neither function-like macros nor mutable C globals. */
static inline int mp_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t mp_a_bold(void) { return A_BOLD; }
static inline attr_t mp_a_dim(void) { return A_DIM; }
static inline attr_t mp_a_reverse(void) { return A_REVERSE; }
static inline attr_t mp_a_underline(void) { return A_UNDERLINE; }
static inline attr_t mp_a_italic(void) { return A_ITALIC; }
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
static inline int mp_key_backspace(void) { return KEY_BACKSPACE; }
static inline int mp_key_home(void) { return KEY_HOME; }
static inline int mp_key_end(void) { return KEY_END; }
static inline int mp_key_code_yes(void) { return KEY_CODE_YES; }
static inline int mp_setlocale_all(void) { return setlocale(LC_ALL, "") != NULL; }
static inline int mp_wcwidth(wchar_t c) { return wcwidth(c); }

/* wcwidth answers -1 for everything non-ASCII unless LC_CTYPE is a UTF-8 locale.
   Take the user's locale; if it is not UTF-8 (tests, cron, LANG unset), fall back to C.UTF-8. */
static inline int mp_setlocale_utf8(void) {
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs != NULL && strcmp(cs, "UTF-8") == 0) return 1;
    return setlocale(LC_CTYPE, "C.UTF-8") != NULL;
}

/* COLORS and COLOR_PAIRS are mutable globals. */
static inline int mp_colors(void) { return COLORS; }
static inline int mp_color_pairs(void) { return COLOR_PAIRS; }

/* One cell: a base character plus up to three combining marks, drawn with the wide API. */
static inline int mp_put_cell(WINDOW *w, int y, int x, const wchar_t *chars, int count, attr_t attr, int pair) {
    wchar_t buf[CCHARW_MAX];
    int n = count < CCHARW_MAX - 1 ? count : CCHARW_MAX - 1;
    for (int i = 0; i < n; i++) buf[i] = chars[i];
    buf[n] = L'\0';
    cchar_t cell;
    if (setcchar(&cell, buf, attr, (short)pair, NULL) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cell);
}

/* Mouse: the clicked cell and button state, or ERR. */
static inline int mp_enable_mouse(void) {
    return mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
}
static inline int mp_getmouse(int *y, int *x, int *wheel) {
    MEVENT ev;
    if (getmouse(&ev) != OK) return ERR;
    *y = ev.y;
    *x = ev.x;
    *wheel = (ev.bstate & BUTTON4_PRESSED) ? -1 : ((ev.bstate & BUTTON5_PRESSED) ? 1 : 0);
    return OK;
}
/* get_wch reports a key code through its return value and the character through a wint_t. */
static inline int mp_get_wch(WINDOW *w, int *value) {
    wint_t ch = 0;
    int rc = wget_wch(w, &ch);
    *value = (int)ch;
    return rc;
}
/* stdscr, stdin and stdout are mutable globals too. newterm, unlike initscr, returns NULL
   instead of exiting when TERM names no known terminal. */
static inline WINDOW *mp_newterm(void) {
    if (newterm(NULL, stdout, stdin) == NULL) return NULL;
    return stdscr;
}
static void mp_endwin_at_exit(void) {
    if (!isendwin()) endwin();
}
/* A last resort: whatever path ends the process, the terminal leaves curses mode. */
static inline void mp_restore_at_exit(void) {
    static int registered = 0;
    if (!registered) {
        registered = 1;
        atexit(mp_endwin_at_exit);
    }
}
#endif
