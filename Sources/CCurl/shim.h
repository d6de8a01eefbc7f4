#ifndef MOCKPILOT_CCURL_H
#define MOCKPILOT_CCURL_H
#include <curl/curl.h>
/* curl_easy_setopt and curl_easy_getinfo are C variadics, which Swift cannot call:
   one typed wrapper per argument kind. */
static inline CURLcode mp_curl_setopt_string(CURL *c, CURLoption o, const char *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode mp_curl_setopt_long(CURL *c, CURLoption o, long v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode mp_curl_setopt_pointer(CURL *c, CURLoption o, void *v) { return curl_easy_setopt(c, o, v); }
typedef size_t (*mp_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode mp_curl_setopt_callback(CURL *c, CURLoption o, mp_curl_data_callback f) { return curl_easy_setopt(c, o, f); }
/* Progress callback (CURLOPT_XFERINFOFUNCTION): returning non-zero aborts the transfer,
   which is how a cancelled Swift task stops a stalled request. */
typedef int (*mp_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
static inline CURLcode mp_curl_setopt_xferinfo(CURL *c, mp_curl_xferinfo_callback f) { return curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, f); }
static inline CURLcode mp_curl_getinfo_long(CURL *c, CURLINFO i, long *v) { return curl_easy_getinfo(c, i, v); }
static inline CURLcode mp_curl_getinfo_double(CURL *c, CURLINFO i, double *v) { return curl_easy_getinfo(c, i, v); }
#endif
