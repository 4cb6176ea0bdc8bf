/* Typed wrappers around libcurl's variadic calls, which Swift cannot call directly. */
#ifndef SOCIALSCAN_CCURL_SHIM_H
#define SOCIALSCAN_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*ss_curl_data_cb)(char *data, size_t size, size_t count, void *userdata);
typedef int (*ss_curl_xferinfo_cb)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                   curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode ss_easy_setopt_long(CURL *h, CURLoption o, long v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode ss_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode ss_easy_setopt_string(CURL *h, CURLoption o, const char *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode ss_easy_setopt_pointer(CURL *h, CURLoption o, void *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode ss_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode ss_easy_setopt_data_cb(CURL *h, CURLoption o, ss_curl_data_cb cb) {
    return curl_easy_setopt(h, o, cb);
}
static inline CURLcode ss_easy_setopt_xferinfo_cb(CURL *h, ss_curl_xferinfo_cb cb) {
    return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, cb);
}
typedef curl_socket_t (*ss_curl_opensocket_cb)(void *clientp, curlsocktype purpose,
                                               struct curl_sockaddr *address);
static inline CURLcode ss_easy_setopt_opensocket_cb(CURL *h, ss_curl_opensocket_cb cb) {
    return curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, cb);
}
/* The address curl is about to connect to: curl's storage is large enough for IPv6 even though
   the field is declared as a plain struct sockaddr. */
static inline const unsigned char *ss_sockaddr_bytes(struct curl_sockaddr *address) {
    return (const unsigned char *)&address->addr;
}
static inline CURLMsg *ss_multi_info_read(CURLM *m, int *left) {
    return curl_multi_info_read(m, left);
}
static inline CURLcode ss_msg_result(CURLMsg *msg) { return msg->data.result; }
static inline CURLcode ss_easy_getinfo_long(CURL *h, CURLINFO i, long *v) {
    return curl_easy_getinfo(h, i, v);
}
static inline CURLcode ss_easy_getinfo_string(CURL *h, CURLINFO i, char **v) {
    return curl_easy_getinfo(h, i, v);
}
static inline CURLcode ss_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) {
    return curl_easy_getinfo(h, i, v);
}
static inline CURLMcode ss_multi_setopt_long(CURLM *m, CURLMoption o, long v) {
    return curl_multi_setopt(m, o, v);
}

#endif
