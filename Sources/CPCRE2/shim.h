/* PCRE2 (8-bit code units) for the detect stage's trigger windows, with typed wrappers: the
   library's names are function-like macros that Swift cannot call. */
#ifndef SOCIALSCAN_CPCRE2_SHIM_H
#define SOCIALSCAN_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Compiles `pattern` for UTF-8 with Unicode properties, anchored (a match starts at the start
   offset it is given; look-behind still reads before it); on failure returns NULL and sets the
   error code and offset. Anchoring here, not at match time, keeps the JIT: PCRE2 falls back to
   its interpreter when PCRE2_ANCHORED is passed to pcre2_match for code compiled without it. */
static inline pcre2_code_8 *ss_pcre2_compile(const char *pattern, int caseless, int *error, size_t *offset) {
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | (caseless ? PCRE2_CASELESS : 0);
    pcre2_code_8 *code = pcre2_compile_8((PCRE2_SPTR8)pattern, PCRE2_ZERO_TERMINATED, options, error, offset, NULL);
    if (code != NULL) pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE | PCRE2_JIT_PARTIAL_HARD);
    return code;
}

/* The message for a compile error code. */
static inline void ss_pcre2_error_message(int error, char *buffer, size_t size) {
    pcre2_get_error_message_8(error, (PCRE2_UCHAR8 *)buffer, size);
}

/* Matches anchored at `start` in `subject` (valid UTF-8); look-behind may read before `start`.
   Returns 1 with the match's byte range, 0 for no match, negative on error. With `partial`, a
   match attempt that reaches the end of `subject` stops and returns PCRE2_ERROR_PARTIAL (-2):
   any other answer is the one a longer subject would give. */
static inline int ss_pcre2_match_anchored(const pcre2_code_8 *code, const unsigned char *subject, size_t length,
                                          size_t start, int partial, size_t *matchStart, size_t *matchEnd) {
    pcre2_match_data_8 *data = pcre2_match_data_create_8(1, NULL);
    if (data == NULL) return -100;
    uint32_t options = PCRE2_NO_UTF_CHECK | (partial ? PCRE2_PARTIAL_HARD : 0);
    int result = pcre2_match_8(code, subject, length, start, options, data, NULL);
    /* 0: a match whose groups did not fit the one-pair vector (only the whole match is read). */
    if (result >= 0) {
        PCRE2_SIZE *vector = pcre2_get_ovector_pointer_8(data);
        *matchStart = vector[0];
        *matchEnd = vector[1];
        result = 1;
    } else if (result == PCRE2_ERROR_NOMATCH) {
        result = 0;
    }
    pcre2_match_data_free_8(data);
    return result;
}

static inline void ss_pcre2_free(pcre2_code_8 *code) { pcre2_code_free_8(code); }

#endif
