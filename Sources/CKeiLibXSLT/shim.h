#ifndef CKEILIBXSLT_SHIM_H
#define CKEILIBXSLT_SHIM_H
/* libxslt (apt: libxslt1-dev). Only KeiXML imports this module (XSLTTransform.swift).
   As in CKeiLibXML2, hide libxml2's ICU members, which clash with Foundation's bundled ICU. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <stdarg.h>
#include <stdio.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include <libxslt/documents.h>
#include <libxslt/variables.h>

/* libxslt reports through printf-style callbacks, which Swift cannot implement. This sink formats each
   message and hands it, as one C string, to a plain callback (implemented in Swift). */
typedef void (*kei_xslt_message_fn)(void *context, const char *message);
typedef struct { kei_xslt_message_fn fn; void *context; } kei_xslt_sink;

static void kei_xslt_format(void *ctx, const char *msg, ...) {
    kei_xslt_sink *sink = (kei_xslt_sink *)ctx;
    char buffer[2048];
    va_list ap;
    va_start(ap, msg);
    vsnprintf(buffer, sizeof buffer, msg, ap);
    va_end(ap);
    if (sink != NULL && sink->fn != NULL) sink->fn(sink->context, buffer);
}

/* Routes libxslt's and libxml2's generic (compile-time) errors to the sink; NULL restores the defaults. */
static inline void kei_xslt_set_generic_sink(kei_xslt_sink *sink) {
    xsltSetGenericErrorFunc(sink, sink != NULL ? kei_xslt_format : NULL);
    xmlSetGenericErrorFunc(sink, sink != NULL ? kei_xslt_format : NULL);
}

/* Routes one transformation's errors (xsl:message terminate, XPath errors, refused reads) to the sink. */
static inline void kei_xslt_set_transform_sink(xsltTransformContextPtr ctxt, kei_xslt_sink *sink) {
    xsltSetTransformErrorFunc(ctxt, sink, kei_xslt_format);
}

/* xsl:import, xsl:include and document() load through libxslt's loader, which asks for entity
   substitution and DTD loading (XSLT_PARSE_OPTIONS). This loader forces NONET and drops them. */
static xsltDocLoaderFunc kei_xslt_original_loader = NULL;

static xmlDocPtr kei_xslt_safe_loader(const xmlChar *URI, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type) {
    options |= XML_PARSE_NONET;
    options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR | XML_PARSE_DTDVALID | XML_PARSE_XINCLUDE);
    return kei_xslt_original_loader(URI, dict, options, ctxt, type);
}

static inline void kei_xslt_install_safe_loader(void) {
    if (kei_xslt_original_loader == NULL) {
        xsltSetLoaderFunc(NULL);
        kei_xslt_original_loader = xsltDocDefaultLoader;
        xsltSetLoaderFunc(kei_xslt_safe_loader);
    }
}

/* While a stylesheet compiles, xsl:import and xsl:include may read only files under one folder (the
   stylesheet's own, resolved with realpath): a security-preferences read check comparing the resolved
   path's prefix. Set the folder with kei_xslt_set_read_root (NULL or "" refuses every read). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/uri.h>
static inline char *kei_xslt_root(void) { static char storage[PATH_MAX]; return storage; }
#define kei_xslt_read_root (kei_xslt_root())

static inline void kei_xslt_set_read_root(const char *folder) {
    kei_xslt_read_root[0] = 0;
    if (folder != NULL && folder[0] != 0 && realpath(folder, kei_xslt_read_root) == NULL) kei_xslt_read_root[0] = 0;
}

static int kei_xslt_check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value) {
    (void)sec; (void)ctxt;
    if (value == NULL || kei_xslt_read_root[0] == 0) return 0;
    const char *path = value;
    if (strncmp(path, "file://localhost/", 17) == 0) path += 16;
    else if (strncmp(path, "file://", 7) == 0) path += 7;
    if (path[0] != '/') return 0;
    char *unescaped = xmlURIUnescapeString(path, 0, NULL);
    if (unescaped == NULL) return 0;
    char resolved[PATH_MAX];
    char *ok = realpath(unescaped, resolved);
    xmlFree(unescaped);
    if (ok == NULL) return 0;
    size_t n = strlen(kei_xslt_read_root);
    if (strncmp(resolved, kei_xslt_read_root, n) != 0) return 0;
    return resolved[n] == '/' || (n == 1 && kei_xslt_read_root[0] == '/');
}

static inline int kei_xslt_allow_reads_under_root(xsltSecurityPrefsPtr prefs) {
    return xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, kei_xslt_check_read);
}

/* libxml2's xmlFree is a mutable global function pointer, which Swift 6 refuses to read; call it here. */
static inline void kei_xslt_free_buffer(xmlChar *buffer) { xmlFree(buffer); }
#endif
