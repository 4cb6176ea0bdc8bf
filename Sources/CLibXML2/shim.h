/* The libxml2 headers SocialScan uses, plus wrappers Swift 6 cannot express directly. */
#ifndef SOCIALSCAN_CLIBXML2_SHIM_H
#define SOCIALSCAN_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its UErrorCode clashes with Foundation's copy in Swift. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>
#include <libxml/uri.h>
#include <libxml/xmlreader.h>

/* xmlFree is a global function-pointer variable: not concurrency-safe to touch from Swift 6. */
static inline void ss_xml_free(void *p) { xmlFree(p); }

static void ss_xml_ignore_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void ss_xml_ignore_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }

/* Silences libxml2's error output on the calling thread (handlers are per thread). */
static inline void ss_xml_silence_thread(void) {
    xmlSetGenericErrorFunc(NULL, ss_xml_ignore_generic);
    xmlSetStructuredErrorFunc(NULL, ss_xml_ignore_structured);
}

/* Whether the document's internal subset declares any entity (a feed never needs one). */
static inline int ss_xml_declares_entities(xmlDocPtr doc) {
    return doc != NULL && doc->intSubset != NULL &&
           (doc->intSubset->entities != NULL || doc->intSubset->pentities != NULL);
}

/* Counts the errors a streaming reader reports (its parser context is private): `arg` points at
   an int incremented for every error that makes the document ill-formed. */
static void ss_reader_count_error(void *arg, xmlErrorPtr error) {
    if (arg != NULL && error != NULL && error->level >= XML_ERR_ERROR && error->domain == XML_FROM_PARSER) {
        (*(int *)arg)++;
    }
}

static inline void ss_reader_count_errors(xmlTextReaderPtr reader, int *count) {
    xmlTextReaderSetStructuredErrorHandler(reader, ss_reader_count_error, count);
}

#endif
