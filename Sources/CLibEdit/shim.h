/* Fixed-arity wrappers for libedit's variadic el_set/el_get/history, which Swift
 * cannot call, and accessors for the C stdio globals (Swift 6 rejects them). */
#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>

typedef char *(*cel_prompt_fn)(EditLine *);
typedef unsigned char (*cel_cmd_fn)(EditLine *, int);

static inline FILE *cel_stdin(void)  { return stdin; }
static inline FILE *cel_stdout(void) { return stdout; }
static inline FILE *cel_stderr(void) { return stderr; }

static inline int cel_set_prompt_esc(EditLine *el, cel_prompt_fn fn, char delim) { return el_set(el, EL_PROMPT_ESC, fn, delim); }
static inline int cel_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int cel_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int cel_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int cel_add_function(EditLine *el, const char *name, const char *help, cel_cmd_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn); }
static inline int cel_bind(EditLine *el, const char *key, const char *cmd) {
    return el_set(el, EL_BIND, key, cmd, (const char *)NULL); }
static inline int cel_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *cel_get_clientdata(EditLine *el) {
    void *data = NULL; if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL; return data; }

static inline int chist_setsize(History *h, HistEvent *ev, int n)  { return history(h, ev, H_SETSIZE, n); }
static inline int chist_setunique(History *h, HistEvent *ev, int on) { return history(h, ev, H_SETUNIQUE, on); }
static inline int chist_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
static inline int chist_load(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_LOAD, path); }
static inline int chist_save(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_SAVE, path); }
