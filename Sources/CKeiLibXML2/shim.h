#ifndef CKEILIBXML2_SHIM_H
#define CKEILIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; its encoding.h then pulls in ICU headers that clash with
   Foundation's bundled ICU. kei-pipeline never touches the ICU members (it only passes
   encoding handlers by pointer), so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#endif
